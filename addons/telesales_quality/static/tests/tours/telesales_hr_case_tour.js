/** @odoo-module **/
// Copyright 2026 Telesales Add-ons contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
//
// HR reads the case an inspector proposed, in Chinese, and approves it; the
// decision letter is then opened and read by test_case_ui.py (HTML report).

import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("telesales_hr_case_letter_tour", {
    steps: () => [
        {
            content: "The case waits for HR's approval",
            trigger: ".o_statusbar_status .o_arrow_button_current:contains(待审批)",
        },
        {
            content: "The agent",
            trigger: ".o_field_widget[name=employee_id]:contains(Agent A1)",
        },
        {
            content: "The level, in Chinese",
            trigger: ".o_field_widget[name=level_id]:contains(通报批评)",
        },
        {
            content: "The severity, in Chinese",
            trigger: ".o_field_widget[name=severity]:contains(一般)",
        },
        {
            content: "Its points",
            trigger: ".o_field_widget[name=points]:contains(20)",
        },
        {
            content: "The facts the inspector wrote",
            trigger: ".o_field_widget[name=facts]:contains(在开放办公区大声读出客户身份证号)",
        },
        {
            content: "No letter before the decision",
            trigger: ".o_form_view .o_form_statusbar:not(:has(button[name=action_print_letter]))",
        },
        {
            content: "Approve it",
            trigger: ".o_form_view button[name=action_approve]:contains(批准)",
            run: "click",
        },
        {
            content: "Approved, in Chinese",
            trigger: ".o_statusbar_status .o_arrow_button_current:contains(已批准)",
        },
        {
            content: "The decision letter can be printed",
            trigger: ".o_form_view button[name=action_print_letter]:contains(处罚决定书)",
        },
    ],
});
