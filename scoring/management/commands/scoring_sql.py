"""Print the statements of a score run in order, each under its step name, for a reader.

Parameters stay as ``%(name)s`` placeholders; ``scores_compute`` fills them per period.
"""

from django.core.management.base import BaseCommand

from scoring import sql


class Command(BaseCommand):
    help = "Print the assembled SQL of a score run, step by step, with its parameters as placeholders."

    def add_arguments(self, parser):
        parser.add_argument("--scope", choices=sorted(sql.EMPLOYEE_FILTERS), default="period")
        parser.add_argument(
            "--first", action="store_true", help="The first run of a period (nothing stored yet: a plain insert)."
        )

    def handle(self, *args, scope: str, first: bool, **options):
        steps = sql.run_steps(employee_filter=sql.EMPLOYEE_FILTERS[scope], first=first)
        for number, step in enumerate(steps, start=1):
            self.stdout.write(f"-- {number}. {step.name}")
            self.stdout.write(f"{step.statement.strip()};\n")
