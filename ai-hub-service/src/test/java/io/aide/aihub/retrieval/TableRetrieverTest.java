package io.aide.aihub.retrieval;

import io.aide.aihub.modeler.SchemaSnapshot;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The texts and hashes tables are embedded from; the embedding and ranking are tested in {@link TableVectorsTest}. */
class TableRetrieverTest {
    private static final List<String> AREAS = List.of("sales", "billing", "hr", "inventory", "shipping", "marketing",
            "support", "finance", "procurement", "manufacturing", "crm", "web", "mobile", "payroll", "legal",
            "quality", "fleet", "warehouse", "research", "training");
    private static final List<String> THINGS = List.of("customer", "order", "order_line", "invoice", "payment",
            "employee", "product", "supplier", "shipment", "ticket", "campaign", "contract", "account", "budget",
            "asset", "vehicle", "session", "review", "return", "refund", "lead", "opportunity", "stock_level",
            "purchase_order", "work_order", "inspection", "course", "timesheet", "expense", "claim");

    /** 20 business areas x 30 kinds of record = 600 tables, each with a key, a few attributes and an area code. */
    static SchemaSnapshot sixHundredTables() {
        List<SchemaSnapshot.Table> tables = new ArrayList<>();
        for (String area : AREAS) {
            for (String thing : THINGS) {
                List<SchemaSnapshot.Column> cols = List.of(new SchemaSnapshot.Column(thing + "_id", "integer", 1, false),
                        new SchemaSnapshot.Column("created_at", "timestamp", 2, true),
                        new SchemaSnapshot.Column("status", "varchar(20)", 3, true),
                        new SchemaSnapshot.Column("amount", "numeric(12,2)", 4, true));
                tables.add(new SchemaSnapshot.Table("dw", area + "_" + thing, "table", cols, List.of(thing + "_id"),
                        List.of(), null));
            }
        }
        return new SchemaSnapshot("ds_600", "postgresql", "dw", tables);
    }

    /** Ten scripted questions and the table each needs. */
    static final Map<String, String> QUESTIONS = Map.of(
                "total amount of invoices billed per month", "dw.billing_invoice",
                "how many support tickets are still open?", "dw.support_ticket",
                "payroll timesheets submitted last week", "dw.payroll_timesheet",
                "which vehicles of the fleet need an inspection", "dw.fleet_vehicle",
                "refunds paid to sales customers", "dw.sales_refund",
                "marketing campaign budget by status", "dw.marketing_campaign",
                "stock level per warehouse", "dw.warehouse_stock_level",
                "purchase orders sent to procurement suppliers", "dw.procurement_purchase_order",
                "training courses taken by hr employees", "dw.training_course",
                "open work orders in manufacturing", "dw.manufacturing_work_order");

    @Test
    void shouldHashATableByItsTextSoOnlyAChangedTableReadsAsChanged() {
        // Given
        SchemaSnapshot before = sixHundredTables();
        List<SchemaSnapshot.Table> tables = new ArrayList<>(before.tables());
        SchemaSnapshot.Table first = tables.get(0);
        List<SchemaSnapshot.Column> columns = new ArrayList<>(first.columns());
        columns.add(new SchemaSnapshot.Column("region_code", "varchar(8)", 5, true));
        tables.set(0, new SchemaSnapshot.Table(first.schema(), first.name(), first.type(), columns, first.primaryKey(),
                first.foreignKeys(), first.rowCount()));

        // When
        List<TableRetriever.TableText> old = TableRetriever.texts(before);
        List<TableRetriever.TableText> now = TableRetriever.texts(
                new SchemaSnapshot(before.dataSourceId(), before.kind(), before.database(), tables));

        // Then
        assertThat(now.get(0).table()).isEqualTo("dw.sales_customer");
        assertThat(now.get(0).text()).endsWith(" region code,");
        assertThat(now.get(0).hash()).isNotEqualTo(old.get(0).hash()).hasSize(64);
        assertThat(now.subList(1, 600)).isEqualTo(old.subList(1, 600));
    }

    @Test
    void shouldReadIdentifiersAsWords() {
        // When / Then
        assertThat(TableRetriever.words("orderItems_stock_level")).isEqualTo("order items stock level");
    }
}
