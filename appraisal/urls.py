from django.urls import path

from .models import PlanLog
from .views import monitoring, periods, plans, progress

app_name = "appraisal"

urlpatterns = [
    path("periode/", periods.period_list, name="period-list"),
    path("periode/baru/", periods.period_create_view, name="period-create"),
    path("periode/<int:pk>/tutup/", periods.period_close_view, name="period-close"),
    path("periode/<int:pk>/buka/", periods.period_reopen_view, name="period-reopen"),
    path("skp/", plans.plan_list, name="plan-list"),
    path("skp/baru/", plans.plan_create, name="plan-create"),
    path("skp/<int:pk>/", plans.plan_detail, name="plan-detail"),
    path("skp/<int:pk>/ajukan/", plans.plan_transition, {"action": PlanLog.Action.SUBMIT}, name="plan-submit"),
    path("skp/<int:pk>/setujui/", plans.plan_transition, {"action": PlanLog.Action.APPROVE}, name="plan-approve"),
    path("skp/<int:pk>/kembalikan/", plans.plan_transition, {"action": PlanLog.Action.RETURN}, name="plan-return"),
    path("skp/<int:pk>/revisi/", plans.plan_transition, {"action": PlanLog.Action.REVISE}, name="plan-revise"),
    path("skp/<int:pk>/capaian/", plans.plan_achievement, name="plan-achievement"),
    path("skp/<int:pk>/rhk/baru/", plans.work_result_create, name="workresult-create"),
    path("rhk/<int:pk>/ubah/", plans.work_result_update, name="workresult-update"),
    path("rhk/<int:pk>/hapus/", plans.work_result_delete, name="workresult-delete"),
    path("rhk/<int:pk>/iki/baru/", plans.indicator_create, name="indicator-create"),
    path("iki/<int:pk>/", progress.indicator_progress, name="indicator-progress"),
    path("iki/<int:pk>/ubah/", plans.indicator_update, name="indicator-update"),
    path("iki/<int:pk>/hapus/", plans.indicator_delete, name="indicator-delete"),
    path("iki/<int:pk>/realisasi/", progress.realisation_save, name="realisation-save"),
    path("iki/<int:pk>/sinkron/", progress.realisation_sync, name="realisation-sync"),
    path("iki/<int:pk>/kegiatan/", progress.activity_create, name="activity-create"),
    path("iki/<int:pk>/bukti/", progress.evidence_upload, name="evidence-upload"),
    path("bukti/<int:pk>/unduh/", progress.evidence_download, name="evidence-download"),
    path("bukti/<int:pk>/hapus/", progress.evidence_delete, name="evidence-delete"),
    path("pemantauan/", monitoring.plan_monitoring, name="plan-monitoring"),
]
