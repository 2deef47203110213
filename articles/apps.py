from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "articles"
    verbose_name = "Newsroom"

    def ready(self) -> None:
        from . import assignments, notifications, page_cache

        page_cache.connect_signals()
        assignments.assigned.connect(notifications.on_assigned, dispatch_uid="notify_assignee")
