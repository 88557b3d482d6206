package io.aide.testsupport;

import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.Socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MariaDbProcessIT {

    @Test
    void shouldRunStatementsOnAFreshServerAndRemoveItWhenClosed() throws Exception {
        // Given
        MariaDbProcess server = MariaDbProcess.start();
        try (server) {
            // When
            server.sql("CREATE DATABASE shop; CREATE TABLE shop.customers (id INT PRIMARY KEY);"
                    + " INSERT INTO shop.customers VALUES (1);");

            // Then: the table is there (a second insert of the same key fails), and TCP answers on its port
            assertThatThrownBy(() -> server.sql("INSERT INTO shop.customers VALUES (1);"))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("Duplicate entry");
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 2000);
                assertThat(socket.isConnected()).isTrue();
            }
            assertThat(server.jdbcUrl("shop")).isEqualTo("jdbc:mariadb://127.0.0.1:" + server.port() + "/shop");
            assertThat(server.mysqlJdbcUrl("shop")).isEqualTo("jdbc:mysql://127.0.0.1:" + server.port() + "/shop");
        }
        // Then: no server is left listening
        try (Socket socket = new Socket()) {
            assertThatThrownBy(() -> socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 2000))
                    .isInstanceOf(java.io.IOException.class);
        }
    }
}
