"""Print the statements of a recommendations run in order, each under its step name, for a reader.

Parameters stay as ``%(name)s`` placeholders; ``recommendations_compute`` fills them per period.
"""

from django.core.management.base import BaseCommand

from training import rules, sql


class Command(BaseCommand):
    help = "Print the assembled SQL of a training recommendations run, step by step, with placeholders."

    def add_arguments(self, parser):
        parser.add_argument("--year-by", choices=[choice.value for choice in rules.YearBy], default=rules.YearBy.END)

    def handle(self, *args, year_by: str, **options):
        for number, step in enumerate(sql.run_steps(year_by=rules.YearBy(year_by)), start=1):
            self.stdout.write(f"-- {number}. {step.name}")
            self.stdout.write(f"{step.statement.strip()};\n")
