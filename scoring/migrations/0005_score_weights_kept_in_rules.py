from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('scoring', '0004_scoring_rules_snapshot'),
    ]

    operations = [
        migrations.RemoveField(
            model_name='employeescore',
            name='weights',
        ),
    ]
