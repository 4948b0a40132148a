from django.urls import path

from .views import complaints, public, results, setup

app_name = "surveys"

urlpatterns = [
    # Public, no account: short readable URLs by unit code and service slug (never an NIP).
    path("u/<str:unit_code>/", public.survey_form, name="survey-form"),
    path("u/<str:unit_code>/terima-kasih/", public.survey_thanks, name="survey-thanks"),
    path("u/<str:unit_code>/aduan/", public.complaint_form, name="complaint-form"),
    path("u/<str:unit_code>/<slug:service_slug>/", public.survey_form, name="survey-service-form"),
    path("lacak/", public.complaint_lookup, name="complaint-lookup"),
    path("lacak/<str:reference>/", public.complaint_status, name="complaint-status"),
    path("kios/aktifkan/<str:secret>/", setup.kiosk_activate, name="kiosk-activate"),
    # Staff: results and review.
    path("", results.result_index, name="result-index"),
    path("hasil/<str:unit_code>/", results.result_detail, name="result-detail"),
    path("hasil/<str:unit_code>/laporan.xlsx", results.result_export_report, name="result-export-report"),
    path("hasil/<str:unit_code>/respons.xlsx", results.result_export_responses, name="result-export-responses"),
    path("hasil/<str:unit_code>/respons/", results.response_list, name="response-list"),
    path("hasil/<str:unit_code>/respons/kecualikan/", results.response_exclude_many, name="response-exclude-many"),
    path("respons/<int:pk>/kecualikan/", results.response_exclude, name="response-exclude"),
    path("respons/<int:pk>/hitung-kembali/", results.response_include, name="response-include"),
    # Staff: set-up of a unit.
    path("unit/<str:unit_code>/", setup.unit_setup, name="unit-setup"),
    path("unit/<str:unit_code>/layanan/", setup.service_create, name="service-create"),
    path("layanan/<int:pk>/ubah/", setup.service_update, name="service-update"),
    path("unit/<str:unit_code>/petugas/<int:employee_pk>/", setup.officer_issue, name="officer-issue"),
    path("unit/<str:unit_code>/kios/", setup.kiosk_create, name="kiosk-create"),
    path("kios/<int:pk>/cabut/", setup.kiosk_revoke, name="kiosk-revoke"),
    path("kios/<int:pk>/qr.svg", setup.kiosk_qr, name="kiosk-qr"),
    path("unit/<str:unit_code>/qr.<str:fmt>", setup.qr_image, name="qr-image"),
    path("unit/<str:unit_code>/poster.pdf", setup.poster, name="poster"),
    # Staff: complaints.
    path("aduan/", complaints.complaint_list, name="complaint-list"),
    path("aduan/<int:pk>/", complaints.complaint_detail, name="complaint-detail"),
    path("aduan/<int:pk>/tanggapi/", complaints.complaint_reply, name="complaint-reply"),
]
