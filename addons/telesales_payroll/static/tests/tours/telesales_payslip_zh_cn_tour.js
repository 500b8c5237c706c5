/** @odoo-module **/
// Copyright 2026 Telesales Add-ons contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
//
// A computed payslip as a zh_CN payroll officer reads it: its name with the
// Chinese month and every line in Chinese with the figures
// test_screens_zh_cn.py prepared (S2 wage 1,780, commission 3.5 % of 20,000).

import {registry} from "@web/core/registry";

const LINES = ".o_field_widget[name=dynamic_filtered_payslip_lines]";

/** The payslip line of rule `code`, named `name`, of total `total`. */
function line(code, name, total) {
    return `${LINES} .o_data_row:has(.o_data_cell[name=code]:contains(${code})):has(.o_data_cell[name=name]:contains(${name})) .o_data_cell[name=total]:contains(${total})`;
}

registry.category("web_tour.tours").add("telesales_payslip_zh_cn_tour", {
    steps: () => [
        {
            content: "The payslip of April 2025, the month written the Chinese way",
            trigger: ".o_breadcrumb .active:contains(2025年4月)",
        },
        {
            content: "Open the salary computation",
            trigger: ".o_notebook .nav-link[name=computation]",
            run: "click",
        },
        {
            content: "职级底薪: the S2 rank's base wage",
            trigger: line("TS_BASE", "职级底薪", "1,780.00"),
        },
        {
            content: "提成: 3.5 % of the 20,000 premium",
            trigger: line("TS_COMM", "提成", "700.00"),
        },
        {
            content: "应发工资",
            trigger: line("GROSS", "应发工资", "2,480.00"),
        },
        {
            content: "实发工资",
            // the net is the gross less the employee's own SI and HF (875.00)
            trigger: line("NET", "实发工资", "1,605.00"),
        },
        {
            content: "No English line name",
            trigger: `${LINES}:not(:has(.o_data_cell[name=name]:contains(Base Wage))):not(:has(.o_data_cell[name=name]:contains(Commission))):not(:has(.o_data_cell[name=name]:contains(Gross))):not(:has(.o_data_cell[name=name]:contains(Net)))`,
        },
        {
            content: "No English category",
            trigger: `${LINES}:not(:has(.o_data_cell[name=category_id]:contains(Basic))):not(:has(.o_data_cell[name=category_id]:contains(Allowance))):not(:has(.o_data_cell[name=category_id]:contains(Gross))):not(:has(.o_data_cell[name=category_id]:contains(Net)))`,
        },
    ],
});
