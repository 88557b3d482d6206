package io.aide.validator;

import io.aide.validator.config.S3Config;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.util.UUID;

/**
 * What the tests of queries on a sample share: per test, a fresh tenant whose data source holds two sample files in the
 * test environment's S3 ({@code customers.csv}: 3 rows, {@code orders.csv}: 3 rows, two of customer 1).
 */
abstract class OnSampleFiles {
    static final String CUSTOMERS = "id,name,status\n1,Ann,A\n2,Bob,I\n3,Cid,A\n";
    static final String ORDERS = "order_id,customer_id,amount\n10,1,5.50\n11,1,4.50\n12,2,7.25\n";

    @Inject
    S3Config s3;

    TestStore store;
    String tenant;
    String dataSource;

    @BeforeEach
    void sampleFiles() {
        store = new TestStore(s3);
        tenant = "t" + UUID.randomUUID().toString().substring(0, 8);
        dataSource = "ds_" + UUID.randomUUID().toString().replace("-", "");
        store.putText("tenants/" + tenant + "/datasources/" + dataSource + "/files/customers.csv", CUSTOMERS);
        store.putText("tenants/" + tenant + "/datasources/" + dataSource + "/files/orders.csv", ORDERS);
    }

    @AfterEach
    void closeStore() throws Exception {
        store.close();
    }
}
