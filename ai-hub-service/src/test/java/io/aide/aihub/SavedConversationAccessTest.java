package io.aide.aihub;

import io.aide.aihub.persistence.ConversationRepository;
import io.aide.aihub.session.SessionMessage;
import io.aide.testsupport.AideInfraResource;
import io.aide.testsupport.InternalCalls;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who opens a saved modeler conversation: its author and the tenant's admins; another user of the tenant gets the
 * same 404 as for an id that does not exist, and another tenant (even its admin) never sees it.
 */
@QuarkusTest
@QuarkusTestResource(value = AideInfraResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = AideInfraResource.SCHEMA_ARG, value = "aihub"))
class SavedConversationAccessTest {
    @Inject
    ConversationRepository conversations;

    private static Response get(String tenant, String user, String roles, String path) {
        return given().header(InternalCalls.HEADER, InternalCalls.token(tenant, user, roles))
                .get("/internal/v1/ai/modeler" + path);
    }

    @Test
    void shouldOpenASavedConversationForItsAuthorAndTheTenantsAdminsOnly() throws Exception {
        // Given: a conversation alice saved in her tenant
        String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
        String dataModelId = "dm_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String conversationId = "conv_" + UUID.randomUUID().toString().replace("-", "");
        Instant now = Instant.now();
        try (Connection c = conversations.open()) {
            conversations.insert(c, new ConversationRepository.Saved(conversationId, tenant, "ds_shop", dataModelId,
                    "shop star", "alice", now, now, "# schema", null, null,
                    List.of(new SessionMessage("user", "Which facts?", now))));
            c.commit();
        }
        String byId = "/conversations/" + dataModelId + "?conversationId=" + conversationId;

        // When
        Response author = get(tenant, "alice", "engineer", "/conversations/" + dataModelId);
        Response colleague = get(tenant, "victor", "viewer", "/conversations/" + dataModelId);
        Response colleagueById = get(tenant, "victor", "engineer", byId);
        Response admin = get(tenant, "anna", "engineer,admin", byId);
        Response otherTenantAdmin = get("g-" + tenant, "gwen", "engineer,admin", byId);
        List<String> authorsList = get(tenant, "alice", "engineer", "/conversations").jsonPath()
                .getList("conversations.conversationId");
        List<String> colleaguesList = get(tenant, "victor", "viewer", "/conversations").jsonPath()
                .getList("conversations.conversationId");
        List<String> adminsList = get(tenant, "anna", "admin", "/conversations?dataSourceId=ds_shop").jsonPath()
                .getList("conversations.conversationId");
        List<String> otherTenantAdminsList = get("g-" + tenant, "gwen", "admin", "/conversations").jsonPath()
                .getList("conversations.conversationId");

        // Then
        assertThat(author.statusCode()).as(author.asString()).isEqualTo(200);
        assertThat(author.jsonPath().getString("conversationId")).isEqualTo(conversationId);
        assertThat(author.jsonPath().getBoolean("readOnly")).isTrue();
        for (Response refused : List.of(colleague, colleagueById, otherTenantAdmin)) {
            assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(404);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.jsonPath().getString("code")).isEqualTo("conversation_not_found");
            assertThat(refused.asString()).doesNotContain("Which facts?");
        }
        assertThat(admin.statusCode()).as(admin.asString()).isEqualTo(200);
        assertThat(admin.jsonPath().getList("messages.content")).containsExactly("Which facts?");
        assertThat(authorsList).containsExactly(conversationId);
        assertThat(colleaguesList).isEmpty();
        assertThat(adminsList).containsExactly(conversationId);
        assertThat(otherTenantAdminsList).isEmpty();
    }
}
