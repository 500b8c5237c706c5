/** @odoo-module **/
// Copyright 2026 Telesales Add-ons contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
//
// What each role reads on its main screen, as a zh_CN user: the figures the
// test prepared (test_screens_ui.py) and the Chinese labels, not only that
// a click worked. The screens open on a period relative to today: the tours
// remove the search facets to reach the test's explicit dates.

import {registry} from "@web/core/registry";

const tours = registry.category("web_tour.tours");

/** Remove every facet of the search bar (the default period, "mine"). */
function clearFacets() {
    return [
        {
            content: "Remove the search facets",
            trigger: ".o_searchview",
            run() {
                for (const button of document.querySelectorAll(
                    ".o_searchview_facet .o_facet_remove"
                )) {
                    button.click();
                }
            },
        },
        {
            content: "No facet left",
            trigger: ".o_searchview:not(:has(.o_searchview_facet))",
        },
    ];
}

/** Agent A1's row, not Agent A1B's. */
const A1 = ".o_data_row:contains(Agent A1):not(:contains(Agent A1B))";
const A1B = ".o_data_row:contains(Agent A1B)";

/** The cell `field` showing `value` in the list row `row` (a selector, or
 * a text the row contains). */
function cell(row, field, value) {
    const rowSelector = row.startsWith(".") ? row : `.o_data_row:contains(${row})`;
    return `.o_list_view ${rowSelector} .o_data_cell[name=${field}]:contains(${value})`;
}

tours.add("telesales_agent_month_screen_tour", {
    steps: () => [
        {
            content: "My Month, in Chinese",
            trigger: ".o_breadcrumb:contains(我的本月)",
        },
        ...clearFacets(),
        {
            content: "As a list",
            trigger: ".o_control_panel .o_switch_view.o_list",
            run: "click",
        },
        {
            content: "April 2025: the premium sold",
            trigger: cell("2025年04月", "premium", "12,345.00"),
        },
        {
            content: "April 2025: the KPI score, 100 minus the 15 points deducted",
            trigger: cell("2025年04月", "kpi_score", "85"),
        },
        {
            content: "April 2025: 5 points above the pass line 80",
            trigger: cell("2025年04月", "kpi_margin", "5"),
        },
        {
            content: "March 2025: no deduction, the full score",
            trigger: cell("2025年03月", "kpi_score", "100"),
        },
        {
            content: "The agent's own months only",
            trigger: ".o_list_view:not(:has(.o_data_row:contains(Agent A1B)))",
        },
    ],
});

tours.add("telesales_tl_team_day_tour", {
    steps: () => [
        {
            content: "Team Talk Time, in Chinese",
            trigger: ".o_breadcrumb:contains(小组通时)",
        },
        ...clearFacets(),
        {
            content: "Team A1 on 2 April 2025: two agents",
            trigger: cell("2025年04月02日", "agent_count", "2"),
        },
        {
            content: "one of them compliant",
            trigger: cell("2025年04月02日", "compliant_count", "1"),
        },
        {
            content: "average talk time (4 h and 1 h): 02:30",
            trigger: cell("2025年04月02日", "avg_talk_hours", "02:30"),
        },
        {
            content: "The other unit's team is not the team leader's",
            trigger: ".o_list_view:not(:has(.o_data_row:contains(Team B1)))",
        },
    ],
});

tours.add("telesales_tl_agents_day_tour", {
    steps: () => [
        {
            content: "Daily Compliance, in Chinese",
            trigger: ".o_breadcrumb:contains(日合规)",
        },
        ...clearFacets(),
        {
            content: "Agent A1: four hours of talk",
            trigger: cell(A1, "talk_hours", "04:00"),
        },
        {
            content: "Agent A1B: one hour of talk",
            trigger: cell(A1B, "talk_hours", "01:00"),
        },
        {
            content: "Agent A1B: 20 minutes late",
            trigger: cell(A1B, "late_minutes", "20"),
        },
        {
            content: "Agent A1 is compliant",
            trigger: `${A1} .o_data_cell[name=compliant] input:checked`,
        },
        {
            content: "Agent A1B is not",
            trigger: `${A1B} .o_data_cell[name=compliant] input:not(:checked)`,
        },
        {
            content: "Only the team's agents",
            trigger: ".o_list_view:not(:has(.o_data_row:contains(Agent B1)))",
        },
    ],
});

tours.add("telesales_manager_unit_review_tour", {
    steps: () => [
        {
            content: "The review of the manager's unit, a draft",
            trigger: ".o_statusbar_status .o_arrow_button_current:contains(草稿)",
        },
        {
            content: "Agent A1 sold 95,000.00 in the quarter",
            trigger: `.o_field_widget[name=line_ids] ${A1} .o_data_cell[name=premium]:contains(95,000.00)`,
        },
        {
            content: "currently S1",
            trigger: `.o_field_widget[name=line_ids] ${A1} .o_data_cell[name=current_rank_id]:contains(S1)`,
        },
        {
            content: "proposed S2",
            trigger: `.o_field_widget[name=line_ids] ${A1} .o_data_cell[name=proposed_rank_id]:contains(S2)`,
        },
        {
            content: "Agent A2 of the other team of the unit is there",
            trigger: ".o_field_widget[name=line_ids] .o_data_row:contains(Agent A2)",
        },
        {
            content: "The other unit's agent is not",
            trigger: ".o_field_widget[name=line_ids]:not(:has(.o_data_row:contains(Agent B1)))",
        },
        {
            content: "Submit it to HR",
            trigger: ".o_form_view button[name=action_submit]",
            run: "click",
        },
        {
            content: "Submitted, in Chinese",
            trigger: ".o_statusbar_status .o_arrow_button_current:contains(已提交)",
        },
    ],
});
