/** @odoo-module **/
// Copyright 2026 Telesales Add-ons contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
//
// A quarterly review computed, overridden, submitted, approved and applied
// from the form, as the telesales HR officer (who is also a manager).

import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

registry.category("web_tour.tours").add("telesales_rank_review_tour", {
    steps: () => [
        {
            content: "Compute the draft review",
            trigger: ".o_form_view button[name=action_compute]",
            run: "click",
        },
        {
            content: "The agents are listed",
            trigger: ".o_field_widget[name=line_ids] .o_data_row:eq(39)",
        },
        {
            content: "Override the first agent's rank",
            trigger: ".o_field_widget[name=line_ids] .o_data_row:first .o_data_cell[name=override_rank_id]",
            run: "click",
        },
        {
            trigger: ".o_selected_row .o_field_widget[name=override_rank_id] input",
            run: "edit Specialist III",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains(Specialist III)",
            run: "click",
        },
        {
            content: "Give the reason",
            trigger: ".o_selected_row .o_field_widget[name=override_reason] textarea",
            run: "edit Coached the whole team this quarter",
        },
        ...stepUtils.saveForm(),
        {
            content: "Submit it",
            trigger: ".o_form_view button[name=action_submit]",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status .o_arrow_button_current:contains(Submitted)",
        },
        {
            content: "Approve it",
            trigger: ".o_form_view button[name=action_approve]",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status .o_arrow_button_current:contains(Approved)",
        },
        {
            content: "Apply it",
            trigger: ".o_form_view button[name=action_apply]",
            run: "click",
        },
        {
            content: "Confirm",
            trigger: ".modal .modal-footer .btn-primary",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status .o_arrow_button_current:contains(Applied)",
        },
    ],
});
