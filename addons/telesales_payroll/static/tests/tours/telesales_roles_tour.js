/** @odoo-module **/
// Copyright 2026 Telesales Add-ons contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
//
// One tour per role of a telesales centre, each in the real web client:
// a manager submits the quarterly review, an HR officer approves a penalty,
// a payroll officer computes a payslip and an auditor exports a report.

import {registry} from "@web/core/registry";

const tours = registry.category("web_tour.tours");

tours.add("telesales_manager_submits_review_tour", {
    steps: () => [
        {
            content: "The computed review lists the team's agents",
            trigger: ".o_form_view .o_field_widget[name=line_ids] .o_data_row",
        },
        {
            content: "Submit it to HR",
            trigger: ".o_form_view button[name=action_submit]",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status .o_arrow_button_current:contains(Submitted)",
        },
    ],
});

tours.add("telesales_hr_approves_penalty_tour", {
    steps: () => [
        {
            content: "The case waits for approval",
            trigger: ".o_statusbar_status .o_arrow_button_current:contains(To Approve)",
        },
        {
            content: "Approve the general case",
            trigger: ".o_form_view button[name=action_approve]",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status .o_arrow_button_current:contains(Approved)",
        },
    ],
});

tours.add("telesales_payroll_computes_payslip_tour", {
    steps: () => [
        {
            content: "Open the salary computation",
            trigger: ".o_notebook .nav-link[name=computation]",
            run: "click",
        },
        {
            content: "Compute the draft payslip",
            trigger: ".o_form_view button[name=compute_sheet]",
            run: "click",
        },
        {
            content: "The telesales base wage line is there",
            trigger: ".o_field_widget[name=dynamic_filtered_payslip_lines] .o_data_row:contains(TS_BASE)",
        },
    ],
});

tours.add("telesales_auditor_exports_report_tour", {
    steps: () => [
        {
            content: "Open the actions menu of the batch",
            trigger: ".o_form_view .o_cp_action_menus button",
            run: "click",
        },
        {
            content: "Export the payroll summary",
            trigger: ".o-dropdown--menu .o-dropdown-item:contains(Payroll Summary (XLSX))",
            run: "click",
        },
        {
            content: "Still on the batch, nothing editable",
            trigger: ".o_form_view .o_form_readonly, .o_form_view .o_form_saved",
        },
    ],
});
