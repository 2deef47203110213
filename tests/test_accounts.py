import pytest
from django.contrib.auth import authenticate, get_user_model
from django.contrib.auth.models import Group
from django.db import IntegrityError, transaction

from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db
User = get_user_model()


def test_email_is_stored_in_lower_case():
    user = User.objects.create_user(email="Meera.Iyer@Example.COM", password="pw-123456")
    assert user.email == "meera.iyer@example.com"


def test_an_email_cannot_be_registered_twice_in_another_case():
    User.objects.create_user(email="meera@example.com")
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.bulk_create([User(email="MEERA@example.com")])


def test_people_sign_in_with_their_email_in_any_case():
    user = UserFactory(email="arun@example.com")
    assert authenticate(email="Arun@Example.com", password=PASSWORD) == user


def test_a_user_has_one_name_field():
    user = UserFactory(name="Meera Iyer")
    assert str(user) == "Meera Iyer"
    assert user.get_short_name() == "Meera"
    assert not hasattr(user, "username")


@pytest.mark.parametrize(
    ("role", "codename"),
    [
        ("Writer", "add_article"),
        ("Editor", "publish_article"),
        ("Administrator", "change_sitesettings"),
    ],
)
def test_roles_exist_with_their_permissions(role, codename):
    assert Group.objects.get(name=role).permissions.filter(codename=codename).exists()


def test_a_writer_cannot_publish_or_manage_sections():
    codenames = set(Group.objects.get(name="Writer").permissions.values_list("codename", flat=True))
    assert not codenames & {"publish_article", "delete_article", "add_section", "change_user"}


def test_an_editor_opens_the_admin_and_sees_articles(client):
    client.force_login(UserFactory(role="Editor"))
    response = client.get("/admin/")
    assert response.status_code == 200
    assert "/admin/articles/article/" in response.content.decode()


def test_an_editor_opens_the_article_list_and_the_new_article_form(client):
    client.force_login(UserFactory(role="Editor"))
    assert client.get("/admin/articles/article/").status_code == 200
    assert client.get("/admin/articles/article/add/").status_code == 200


def test_only_administrators_edit_the_site_settings(client):
    client.force_login(UserFactory(role="Editor"))
    assert client.get("/admin/articles/sitesettings/").status_code == 403
    assert client.get("/admin/articles/sitesettings/1/change/").status_code == 403
    client.force_login(UserFactory(role="Administrator"))
    assert client.get("/admin/articles/sitesettings/", follow=True).status_code == 200


def test_a_signed_in_reader_gets_a_no_access_page_from_the_admin(client):
    client.force_login(UserFactory(email="reader@example.com"))
    response = client.get("/admin/", follow=True)
    assert response.status_code == 403
    html = response.content.decode()
    assert "<h1>No access</h1>" in html
    assert "signed in as reader@example.com" in html
    assert 'name="password"' not in html


def test_every_permission_the_roles_name_exists_after_all_migrations():
    from django.contrib.auth.models import Permission

    from articles.roles import ROLES, grant_roles

    grant_roles(Group, Permission)  # strict: raises on a misspelt or missing permission
    for role, grants in ROLES.items():
        granted = Group.objects.get(name=role).permissions.count()
        assert granted == sum(len(set(codenames)) for codenames in grants.values())
