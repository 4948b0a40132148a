from django.test import Client
from django.urls import reverse


def test_an_expired_form_gets_a_friendly_page_with_a_way_back(db):
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("login"), {"username": "x", "password": "y"})
    content = response.content.decode()
    assert response.status_code == 403
    assert "Formulir sudah kedaluwarsa" in content
    assert f'href="{reverse("login")}"' in content
