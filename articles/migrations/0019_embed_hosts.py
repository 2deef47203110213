from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("articles", "0018_library_featured")]

    operations = []
