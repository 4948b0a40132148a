from django.urls import path

from . import views

urlpatterns = [
    path("pengakuan/", views.lists_page, name="recognition-lists"),
    path("pengakuan/ekspor/", views.lists_export, name="recognition-export"),
    path(
        "pengakuan/<int:period_pk>/<int:unit_pk>/<int:employee_pk>/usulkan/",
        views.nomination_create,
        name="nomination-create",
    ),
    path("penghargaan/", views.nomination_list, name="nomination-list"),
    path("penghargaan/<int:pk>/", views.nomination_detail, name="nomination-detail"),
    path("penghargaan/<int:pk>/setujui/", views.nomination_approve, name="nomination-approve"),
    path("penghargaan/<int:pk>/tolak/", views.nomination_reject, name="nomination-reject"),
    path("penghargaan/<int:pk>/piagam/", views.award_certificate, name="award-certificate"),
    path("pembinaan/<int:period_pk>/<int:employee_pk>/baru/", views.coaching_plan_create, name="coaching-plan-create"),
    path("pembinaan/<int:pk>/", views.coaching_plan_detail, name="coaching-plan-detail"),
    path("pembinaan/<int:pk>/tindak-lanjut/", views.coaching_follow_up, name="coaching-follow-up"),
    path("pembinaan/tim/", views.coaching_team, name="coaching-team"),
    path("saya/", views.my_recognition, name="my-recognition"),
]
