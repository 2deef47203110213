from django.urls import path

from . import data, views

app_name = "accounts"

urlpatterns = [
    # Sign-in, sign-up, sign-out, reset and email: allauth's URLs (newsroom/urls.py).
    # A reader's own pages. None of these paths is one of allauth's.
    path("", views.OverviewView.as_view(), name="overview"),
    path("saved/", views.SavedStoriesView.as_view(), name="saved"),
    path("saved/<int:article_id>/", views.SaveView.as_view(), name="save"),
    path("for-you/", views.ForYouView.as_view(), name="for_you"),
    path("follow/<str:kind>/<str:slug>/", views.FollowView.as_view(), name="follow"),
    path("state/", views.state, name="state"),
    path("data/", data.DataExportView.as_view(), name="data"),
    path("delete/", data.DeleteAccountView.as_view(), name="delete"),
    path("deleted/", data.AccountDeletedView.as_view(), name="deleted"),
]
