"""The §7.3 rules on plain inputs: the worked example, each rule with its reason, each tie-break,
JPM, and JP across a year boundary (domain.md §3, §7.3)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from django.utils import translation
from hypothesis import given, settings
from hypothesis import strategies as st

from appraisal.predikat import Predikat, Rating
from notifications.messages import render
from training.rules import (
    COACHING_MENTORING,
    Activity,
    Citizens,
    Competency,
    EmployeeInputs,
    Policy,
    Programme,
    Rule,
    StandardRow,
    ValueRating,
    YearBy,
    advise,
    jp_from_minutes,
    jp_totals,
    jp_year,
    jpm,
    needs_for,
    recommend,
    shortfalls,
)

M01 = Competency("M.01", "Integritas", "MANAJERIAL")
M02 = Competency("M.02", "Kerjasama", "MANAJERIAL")
M03 = Competency("M.03", "Komunikasi", "MANAJERIAL")
M05 = Competency("M.05", "Pelayanan Publik", "MANAJERIAL")
M07 = Competency("M.07", "Mengelola Perubahan", "MANAJERIAL")
ADM = Competency("T.ADM.01", "Administrasi Kependudukan", "TEKNIS")
MANAGERIAL = {c.code: c for c in (M01, M02, M03, M05, M07)}
POLICY = Policy()

SARI = EmployeeInputs(
    employee_id=1,
    standard=(
        StandardRow(M01, required=3, actual=3),
        StandardRow(M02, required=2, actual=2),
        StandardRow(M03, required=3, actual=1),
        StandardRow(M05, required=3, actual=2),
        StandardRow(ADM, required=3, actual=1, criticality=2),
    ),
    values=(
        ValueRating("Kolaboratif", Rating.DI_BAWAH_EKSPEKTASI, M02),
        ValueRating("Akuntabel", Rating.SESUAI_EKSPEKTASI, M01),
    ),
    citizens=Citizens(unit_grade="B", nrr={"U6": Decimal("3.2"), "U7": Decimal("2.90")}, answers=14),
    predikat=Predikat.BAIK,
    jp_this_year=Decimal(6),
)
P1 = Programme("P1", "Pelayanan Prima", Decimal(24), frozenset({"M.05", "M.03"}))
P2 = Programme("P2", "Bimtek Administrasi Kependudukan", Decimal(16), frozenset({"T.ADM.01"}))
P3 = Programme("P3", "e-learning Komunikasi Efektif", Decimal(8), frozenset({"M.03"}))
P4 = Programme("P4", "coaching Kerja Sama Tim", Decimal(4), frozenset({"M.02"}), coaching_mentoring=True)
P5 = Programme("P5", "Kepemimpinan Pengawas", Decimal(40), frozenset({"M.01", "M.08"}))
CATALOGUE = (P5, P4, P3, P2, P1)


def texts(reasons, language="id"):
    with translation.override(language):
        return [reason.text() for reason in reasons]


def test_it_reproduces_the_worked_example():
    advice = advise(SARI, CATALOGUE, POLICY, MANAGERIAL)
    ranked = [r for r in advice.recommendations if r.programme]
    assert [r.programme.code for r in ranked] == ["P1", "P3", "P2", "P4"]
    assert [(r.priority, len(r.needs)) for r in ranked] == [(7, 4), (4, 2), (4, 1), (2, 1)]
    assert advice.jpm == Decimal("64.29")
    assert texts(ranked[0].reasons) == [
        "M.03 Komunikasi level 1, jabatan butuh 3",
        "M.05 Pelayanan Publik level 2, jabatan butuh 3",
        "Nilai U7 (kesopanan) dari masyarakat 2,90, di bawah 3,0644",
        "Nilai U7 (kesopanan) dari masyarakat 2,90, di bawah 3,0644",
    ]
    assert [(n.rule, n.target) for n in ranked[0].needs] == [
        (Rule.GAP, "M.03"),
        (Rule.GAP, "M.05"),
        (Rule.CITIZENS, "M.05"),
        (Rule.CITIZENS, "M.03"),
    ]


def test_it_never_recommends_a_programme_without_a_need():
    advice = advise(SARI, CATALOGUE, POLICY, MANAGERIAL)
    assert "P5" not in {r.programme.code for r in advice.recommendations if r.programme}


def test_it_counts_a_competency_once_per_rule():
    """P1 sums rule 1 and rule 3 for both M.03 and M.05: four needs, 1+2+2+2 (§7.3)."""
    needs = needs_for(SARI, POLICY, MANAGERIAL)
    assert sorted((n.rule, n.target, n.priority) for n in needs) == [
        (Rule.GAP, "M.03", 2),
        (Rule.GAP, "M.05", 1),
        (Rule.GAP, "T.ADM.01", 4),
        (Rule.BEHAVIOUR, "M.02", 2),
        (Rule.CITIZENS, "M.03", 2),
        (Rule.CITIZENS, "M.05", 2),
    ]


def test_reasons_read_in_english_with_a_decimal_point():
    ranked = advise(SARI, CATALOGUE, POLICY, MANAGERIAL).recommendations
    assert texts(ranked[0].reasons[2:3], "en") == ["U7 (courtesy) score from citizens 2.90, below 3.0644"]


def test_the_stored_reason_renders_like_the_computed_one_in_both_languages():
    reason = advise(SARI, CATALOGUE, POLICY, MANAGERIAL).recommendations[0].reasons[2]
    with translation.override("id"):
        data = reason.as_data()
    for language in ("id", "en"):
        with translation.override(language):
            assert render(data["message"], data["params"]) == reason.text()


# --- each rule with its reason -----------------------------------------------------------------


def only(employee: EmployeeInputs):
    return needs_for(employee, POLICY, MANAGERIAL)


def test_rule_1_priority_is_gap_times_criticality():
    [need] = only(EmployeeInputs(2, standard=(StandardRow(ADM, required=3, actual=1, criticality=2),)))
    assert (need.rule, need.priority) == (Rule.GAP, 4)
    assert texts(need.reasons) == ["T.ADM.01 Administrasi Kependudukan level 1, jabatan butuh 3"]


def test_rule_1_ignores_a_met_or_exceeded_level_and_counts_a_missing_one_as_0():
    standard = (StandardRow(M01, 3, 4), StandardRow(M02, 2, 2), StandardRow(M03, 2, None))
    [need] = only(EmployeeInputs(2, standard=standard))
    assert (need.target, need.priority) == ("M.03", 2)
    assert texts(need.reasons) == ["M.03 Komunikasi belum dinilai, jabatan butuh 2"]
    assert texts(need.reasons, "en") == ["M.03 Komunikasi not yet assessed, the position needs 2"]


def test_rule_2_maps_a_value_below_expectation_and_merges_two_values_of_one_competency():
    values = (
        ValueRating("Akuntabel", Rating.DI_BAWAH_EKSPEKTASI, M01),
        ValueRating("Loyal", Rating.DI_BAWAH_EKSPEKTASI, M01),
        ValueRating("Adaptif", Rating.DI_ATAS_EKSPEKTASI, M07),
    )
    [need] = only(EmployeeInputs(2, values=values))
    assert (need.rule, need.target, need.priority) == (Rule.BEHAVIOUR, "M.01", 2)
    assert texts(need.reasons) == [
        "Nilai Akuntabel dinilai Di Bawah Ekspektasi",
        "Nilai Loyal dinilai Di Bawah Ekspektasi",
    ]


def test_rule_3_unit_grade_c_or_d_gives_m05_and_m03():
    for grade in ("C", "D"):
        needs = only(EmployeeInputs(2, citizens=Citizens(unit_grade=grade)))
        assert [(n.rule, n.target, n.priority) for n in needs] == [
            (Rule.CITIZENS, "M.05", 2),
            (Rule.CITIZENS, "M.03", 2),
        ]
        assert texts(needs[0].reasons) == [f"Mutu pelayanan unit kerja dari survei masyarakat {grade}"]
    assert only(EmployeeInputs(2, citizens=Citizens(unit_grade="B"))) == []


def test_rule_3_low_u6_adds_the_service_competency():
    citizens = Citizens(nrr={"U6": Decimal("3.06435")}, answers=10, service_competencies=(ADM,))
    needs = only(EmployeeInputs(2, citizens=citizens))
    assert [n.target for n in needs] == ["M.05", "M.03", "T.ADM.01"]
    assert texts(needs[2].reasons) == ["Nilai U6 (kompetensi) dari masyarakat 3,06, di bawah 3,0644"]


def test_rule_3_needs_enough_answers_and_a_value_below_the_threshold():
    few = Citizens(nrr={"U7": Decimal("2.5")}, answers=9)
    at_threshold = Citizens(nrr={"U7": Decimal("3.0644")}, answers=50)
    assert only(EmployeeInputs(2, citizens=few)) == []
    assert only(EmployeeInputs(2, citizens=at_threshold)) == []


def test_rule_3_keeps_both_causes_on_one_need_per_competency():
    citizens = Citizens(unit_grade="C", nrr={"U7": Decimal("2.5")}, answers=10)
    needs = only(EmployeeInputs(2, citizens=citizens))
    assert [(n.target, len(n.reasons)) for n in needs] == [("M.05", 2), ("M.03", 2)]


def test_rule_4_butuh_perbaikan_or_worse_needs_coaching_or_mentoring():
    for predikat in (Predikat.BUTUH_PERBAIKAN, Predikat.KURANG_MISCONDUCT, Predikat.SANGAT_KURANG):
        [need] = only(EmployeeInputs(2, predikat=predikat))
        assert (need.rule, need.target, need.priority) == (Rule.RESULTS, COACHING_MENTORING, 3)
    assert texts(need.reasons) == ["Predikat kinerja Sangat Kurang"]
    assert only(EmployeeInputs(2, predikat=Predikat.BAIK)) == []
    ranked = recommend([need], CATALOGUE, jp_so_far=Decimal(40), policy=POLICY)
    assert [(r.programme.code, r.priority) for r in ranked] == [("P4", 3)]


def test_rule_5_actions_are_recommendations_of_their_own_as_written():
    action = "Magang dua minggu di Disdukcapil"
    advice = advise(replace(SARI, actions=(action,)), CATALOGUE, POLICY, MANAGERIAL)
    last = advice.recommendations[-1]
    assert (last.programme, last.priority, last.rank) == (None, 2, 5)
    assert texts(last.reasons) == [f"Rencana pengembangan dari atasan: {action}"]
    assert [r.programme.code for r in advice.recommendations[:-1]] == ["P1", "P3", "P2", "P4"]


def test_only_the_best_programmes_are_kept_and_every_action_after_them():
    actions = ("Magang di Disdukcapil", "Belajar mandiri")
    advice = advise(replace(SARI, actions=actions), CATALOGUE, replace(POLICY, max_proposals=2), MANAGERIAL)
    shown = [(r.rank, r.programme.code if r.programme else r.needs[0].action) for r in advice.recommendations]
    assert shown == [(1, "P1"), (2, "P3"), (3, actions[0]), (4, actions[1])]
    assert Policy().max_proposals == 5


# --- tie-breaks ----------------------------------------------------------------------------------


def programme(code, jp, *codes):
    return Programme(code, code, Decimal(jp), frozenset(codes))


def need(competency, priority, rule=Rule.GAP):
    from training.rules import Need

    return Need(rule, priority, (), competency)


def ranking(needs, programmes, jp_so_far):
    return [r.programme.code for r in recommend(needs, programmes, jp_so_far=Decimal(jp_so_far), policy=POLICY)]


def test_tie_break_1_higher_summed_priority_first():
    needs = [need(M01, 3), need(M02, 2)]
    assert ranking(needs, [programme("A", 4, "M.02"), programme("B", 40, "M.01")], 30) == ["B", "A"]


def test_tie_break_2_more_needs_covered_first():
    needs = [need(M01, 2), need(M02, 1), need(M03, 3)]
    assert ranking(needs, [programme("A", 4, "M.03"), programme("B", 40, "M.01", "M.02")], 30) == ["B", "A"]


def test_tie_break_3_below_20_jp_prefers_a_programme_that_reaches_20():
    needs = [need(M01, 2), need(M02, 2)]
    options = [programme("A", 4, "M.01"), programme("B", 16, "M.02")]
    assert ranking(needs, options, 6) == ["B", "A"]  # 6 + 16 = 22 reaches 20, 6 + 4 does not
    assert ranking(needs, options, 20) == ["A", "B"]  # at 20 already: fewer JP


def test_tie_break_4_fewer_jp_then_code():
    needs = [need(M01, 2), need(M02, 2), need(M03, 2)]
    options = [programme("C", 30, "M.01"), programme("B", 24, "M.02"), programme("A", 24, "M.03")]
    assert ranking(needs, options, 6) == ["A", "B", "C"]


# --- properties ----------------------------------------------------------------------------------

codes = st.sampled_from(["M.01", "M.02", "M.03", "M.05", "T.ADM.01"])
by_code = {c.code: c for c in (M01, M02, M03, M05, ADM)}
needs_strategy = st.lists(
    st.builds(
        lambda c, p, r: need(by_code[c], p, r),
        codes,
        st.integers(1, 8),
        st.sampled_from([Rule.GAP, Rule.BEHAVIOUR, Rule.CITIZENS]),
    ),
    max_size=8,
)
programmes_strategy = st.lists(
    st.builds(
        lambda i, jp, cs: programme(f"P{i}", jp, *cs),
        st.integers(0, 9),
        st.integers(1, 40),
        st.frozensets(codes, max_size=3),
    ),
    max_size=8,
    unique_by=lambda p: p.code,
)


@settings(max_examples=200, deadline=None)
@given(needs=needs_strategy, programmes=programmes_strategy, jp_so_far=st.integers(0, 30), seed=st.randoms())
def test_ranking_is_a_deterministic_total_order_of_programmes_with_a_need(needs, programmes, jp_so_far, seed):
    whole = replace(POLICY, max_proposals=len(programmes))  # the whole ranking; the cap keeps its head
    ranked = recommend(needs, programmes, jp_so_far=Decimal(jp_so_far), policy=whole)
    shuffled = list(programmes)
    seed.shuffle(shuffled)
    assert recommend(needs, shuffled, jp_so_far=Decimal(jp_so_far), policy=whole) == ranked
    assert recommend(needs, shuffled, jp_so_far=Decimal(jp_so_far), policy=POLICY) == ranked[: POLICY.max_proposals]
    assert all(r.needs and r.priority == sum(n.priority for n in r.needs) for r in ranked)
    covering = {p.code for p in programmes if any(n.competency.code in p.competency_codes for n in needs)}
    assert {r.programme.code for r in ranked} == covering
    keys = [
        (-r.priority, -len(r.needs), jp_so_far < 20 and not r.reaches_minimum, r.programme.jp, r.programme.code)
        for r in ranked
    ]
    assert keys == sorted(keys) and len(set(keys)) == len(keys)


# --- JPM and JP ----------------------------------------------------------------------------------


def test_jpm_caps_each_actual_at_the_required_level():
    assert jpm(SARI.standard) == Decimal("64.29")
    assert jpm([StandardRow(M01, 2, 5), StandardRow(M02, 2, 1)]) == Decimal("75.00")
    assert jpm([StandardRow(M01, 2, None), StandardRow(M02, 2, 2)]) == Decimal("50.00")
    assert jpm([]) is None


def test_a_course_across_new_year_counts_for_the_year_it_ends():
    start, end = date(2025, 12, 28), date(2026, 1, 3)
    assert jp_year(starts_on=start, ends_on=end) == 2026
    assert jp_year(starts_on=start, ends_on=end, by=YearBy.START) == 2025
    activities = [
        Activity(1, start, end, Decimal(30)),
        Activity(1, date(2025, 3, 1), date(2025, 3, 2), Decimal(8)),
        Activity(1, date(2026, 5, 1), date(2026, 5, 1), Decimal("1.5")),
        Activity(2, date(2025, 12, 31), date(2025, 12, 31), Decimal(4)),
    ]
    assert jp_totals(activities) == {(1, 2026): Decimal("31.5"), (1, 2025): Decimal(8), (2, 2025): Decimal(4)}


def test_one_jp_is_45_minutes():
    assert jp_from_minutes(45) == Decimal("1.00")
    assert jp_from_minutes(100) == Decimal("2.22")


def test_shortfalls_list_those_below_20_with_what_accepted_programmes_bring():
    rows = shortfalls([1, 2, 3], done={1: Decimal(6), 2: Decimal(20)}, accepted={1: Decimal(24)}, minimum=Decimal(20))
    assert [(r.employee_id, r.done, r.would_have, r.missing) for r in rows] == [
        (3, Decimal(0), Decimal(0), Decimal(20)),
        (1, Decimal(6), Decimal(30), Decimal(0)),
    ]


@pytest.mark.parametrize("jp_so_far", [0, 19, 20])
def test_reaches_minimum_is_stored_per_recommendation(jp_so_far):
    [rec] = recommend([need(M03, 2)], [P3], jp_so_far=Decimal(jp_so_far), policy=POLICY)
    assert rec.reaches_minimum is (jp_so_far + 8 >= 20)


def test_reason_inputs_keep_the_exact_numbers_the_rule_used():
    needs = needs_for(SARI, POLICY, MANAGERIAL)
    adm = next(n for n in needs if n.target == "T.ADM.01")
    u7 = next(n for n in needs if n.rule == Rule.CITIZENS)
    assert adm.reasons[0].inputs() == {
        "code": "T.ADM.01",
        "name": "Administrasi Kependudukan",
        "required": 3,
        "criticality": 2,
        "actual": 1,
    }
    assert u7.reasons[0].inputs() == {"nrr": "2.90", "threshold": "3.0644", "answers": 14}
