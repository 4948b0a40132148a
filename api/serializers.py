"""The shapes the API answers with; codes and labels side by side, SIASN's codes for the SKP record."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from appraisal.exchange.siasn import predikat_code, rating_code
from appraisal.predikat import Predikat
from surveys.ikm import grade_for

INDEX_NOTE = "Skor Kinerja: Kinerja's own index (0-100), never the official predikat."


class AsciiIntegerField(serializers.IntegerField):
    """ASCII digits only, like ``core.params.int_param``: ``int()`` would read ``٢٠٢٦`` as 2026."""

    def to_internal_value(self, data):
        if not (str(data).isascii() and str(data).isdigit()):
            self.fail("invalid")
        return super().to_internal_value(data)


class FilterSerializer(serializers.Serializer):
    """Query parameters shared by the list endpoints; a bad value is a 400 naming the parameter."""

    year = AsciiIntegerField(required=False, min_value=2000, max_value=2100, help_text=_("Tahun penilaian."))
    checkpoint = AsciiIntegerField(
        required=False, min_value=1, max_value=12, help_text=_("Titik pantau dalam tahun (triwulan, bulan…).")
    )
    unit = serializers.CharField(
        required=False, max_length=32, help_text=_("Kode unit: unit itu beserta sub-unitnya, dalam cakupan klien.")
    )


class EmployeeFilterSerializer(FilterSerializer):
    checkpoint = None


class UnitSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()


class AnnualResultSerializer(serializers.Serializer):
    """One year's official result: the ratings and the predikat, as codes (SIASN's) and labels."""

    year = serializers.IntegerField(source="plan.period.year")
    work_rating = serializers.CharField(help_text="DI_ATAS_EKSPEKTASI, SESUAI_EKSPEKTASI or DI_BAWAH_EKSPEKTASI")
    work_rating_siasn = serializers.SerializerMethodField(help_text="1 di atas, 2 sesuai, 3 di bawah")
    behaviour_rating = serializers.CharField()
    behaviour_rating_siasn = serializers.SerializerMethodField()
    predikat = serializers.CharField()
    predikat_label = serializers.SerializerMethodField()
    predikat_siasn = serializers.SerializerMethodField(help_text="1 Sangat Baik … 5 Sangat Kurang (unverified)")

    def get_work_rating_siasn(self, evaluation) -> int | None:
        return rating_code(evaluation.work_rating)

    def get_behaviour_rating_siasn(self, evaluation) -> int | None:
        return rating_code(evaluation.behaviour_rating)

    def get_predikat_label(self, evaluation) -> str:
        return str(Predikat(evaluation.predikat).label)

    def get_predikat_siasn(self, evaluation) -> int | None:
        return predikat_code(evaluation.predikat)


class EmployeeSerializer(serializers.Serializer):
    nip = serializers.CharField()
    name = serializers.CharField(source="full_name")
    status = serializers.CharField()
    unit = UnitSerializer()
    annual_results = serializers.SerializerMethodField()

    @extend_schema_field(AnnualResultSerializer(many=True))
    def get_annual_results(self, employee) -> list[dict]:
        results = self.context["results"].get(employee.pk, [])
        return AnnualResultSerializer(results, many=True).data


class ComponentsSerializer(serializers.Serializer):
    R = serializers.DecimalField(max_digits=5, decimal_places=2, source="results", allow_null=True)
    E = serializers.DecimalField(max_digits=5, decimal_places=2, source="evaluation", allow_null=True)
    C = serializers.DecimalField(max_digits=5, decimal_places=2, source="citizens", allow_null=True)
    P = serializers.DecimalField(max_digits=5, decimal_places=2, source="peers", allow_null=True)


class ScoreSerializer(serializers.Serializer):
    """Kinerja's composite score (domain.md §7.2); the official result is the predikat of /pegawai/."""

    nip = serializers.CharField(source="employee.nip")
    name = serializers.CharField(source="employee.full_name")
    unit = UnitSerializer()
    year = serializers.IntegerField(source="period.year")
    checkpoint = serializers.IntegerField()
    kinerja_score = serializers.DecimalField(max_digits=5, decimal_places=2, source="score", help_text=INDEX_NOTE)
    components = ComponentsSerializer(source="*")
    missing = serializers.ListField(child=serializers.CharField())
    note = serializers.SerializerMethodField()

    def get_note(self, score) -> str:
        return INDEX_NOTE


class IkmSerializer(serializers.Serializer):
    """A unit's IKM (25-100, with its sub-units) at one checkpoint, as on the HR dashboard."""

    unit = UnitSerializer()
    year = serializers.IntegerField(source="period.year")
    checkpoint = serializers.IntegerField()
    ikm = serializers.DecimalField(max_digits=5, decimal_places=2)
    grade = serializers.SerializerMethodField(help_text="A, B, C or D (domain.md §2.3)")
    responses = serializers.IntegerField(source="ikm_responses")

    def get_grade(self, unit_score) -> str:
        return grade_for(unit_score.ikm).letter
