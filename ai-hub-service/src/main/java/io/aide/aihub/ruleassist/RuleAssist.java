package io.aide.aihub.ruleassist;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import io.aide.aihub.client.DocumentClient;
import io.aide.aihub.client.DocumentClientErrors;
import io.aide.aihub.context.GenerationSource;
import io.aide.aihub.llm.LanguageModels;
import io.aide.aihub.service.AiHubException;
import io.aide.aihub.service.AiTaskException;
import io.aide.aihub.service.Caller;
import io.aide.aihub.service.Prompts;
import io.aide.aihub.service.SampleQueries;
import io.aide.events.EventJson;
import io.aide.events.spec.MappingRow;
import io.aide.events.spec.MappingSpec;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * For each column the compiler flagged in a generation, the model proposes one SQL expression over the row's source
 * columns; the expression runs on the generation's sample ({@code SELECT expr FROM source LIMIT n}) before it is
 * shown, and stays AI-proposed until a user accepts it. Accepting writes it as the rule (transformation) of that
 * mapping row through document-service, which makes a new spec version the next generation compiles without a model.
 */
@ApplicationScoped
public class RuleAssist {
    public static final String KIND = "rule_assist";
    static final int SAMPLE_ROWS = 5;
    static final String SYSTEM = """
            You write the transformation rule of one target column of a source-to-target mapping as a single DuckDB
            SQL expression over the source table's columns (no SELECT, no FROM, no alias, no comments). Use only the
            columns listed. Answer with the expression only: no prose, no markdown fences.""";

    private final LanguageModels models;
    private final GenerationSource generations;
    private final SampleQueries samples;
    private final RuleProposalRepository proposals;
    private final DocumentClient documents;

    public RuleAssist(LanguageModels models, GenerationSource generations, SampleQueries samples,
                      RuleProposalRepository proposals, @RestClient DocumentClient documents) {
        this.models = models;
        this.generations = generations;
        this.samples = samples;
        this.proposals = proposals;
        this.documents = documents;
    }

    /** One proposal per flagged column, each checked on the sample; stored for the tenant. */
    public List<RuleProposal> propose(Caller caller, String generationId) {
        if (models.endpoint(caller.tenantId()).isEmpty()) {
            AiTaskException e = models.notConfigured("rule assistance");
            throw new AiHubException(409, e.code(), "No language model", e.getMessage());
        }
        JsonNode hashmap = generations.hashmap(caller, generationId);
        String documentId = hashmap.path("document_id").asText();
        MappingSpec spec = generations.spec(caller, documentId, hashmap.path("spec_version").isInt()
                ? hashmap.path("spec_version").asInt() : null);
        List<RuleProposal> out = new ArrayList<>();
        for (JsonNode target : generations.lineage(caller, generationId).path("targets")) {
            for (JsonNode column : target.path("columns")) {
                if (!"flagged".equals(column.path("status").asText())) {
                    continue;
                }
                MappingRow row = spec.rows().stream().filter(r -> r.ref().equals(column.path("mappingRef").asText()))
                        .findFirst().orElse(null);
                if (row == null) {
                    continue;
                }
                RuleProposal p = proposeOne(caller, generationId, documentId, target.path("target").asText(), column, row);
                proposals.insert(caller.tenantId(), p);
                out.add(p);
            }
        }
        return out;
    }

    private RuleProposal proposeOne(Caller caller, String generationId, String documentId, String target,
                                    JsonNode column, MappingRow row) {
        String id = "rp_" + UUID.randomUUID().toString().replace("-", "");
        String source = row.sourceTable();
        List<String> sources = new ArrayList<>();
        column.path("sources").forEach(s -> sources.add(s.asText()));
        if (source == null || source.isBlank()) {
            source = sources.stream().filter(s -> s.contains(".")).map(s -> s.substring(0, s.lastIndexOf('.')))
                    .findFirst().orElse(null);
        }
        if (source == null) {
            return rejected(id, generationId, documentId, target, column, row, caller, null,
                    "the mapping row names no source table to write the expression over");
        }
        String prompt = "Target column: " + target + "." + row.targetColumn() + " (" + row.targetType() + ")\n"
                + "Source table: " + source + "\nSource columns: " + (row.rawSource() == null ? String.join(", ", sources)
                : row.rawSource()) + "\nRule as written in the mapping: " + row.transformation()
                + (row.description() == null ? "" : "\nDescription: " + row.description())
                + "\nWhy the compiler could not compile it: " + column.path("reason").asText();
        String expression;
        try {
            expression = Prompts.stripFences(models.chat(caller.tenantId(), caller.userId(), KIND,
                    List.of(SystemMessage.from(SYSTEM), UserMessage.from(prompt))));
        } catch (AiTaskException e) {
            throw new AiHubException(LanguageModels.CIRCUIT_OPEN.equals(e.code()) ? 503 : 502, e.code(),
                    "Language model failed", e.getMessage(), e);
        }
        try {
            SampleQueries.Result result = samples.onGeneration(caller, generationId, "SELECT " + expression
                    + " AS proposed FROM " + source + " LIMIT " + SAMPLE_ROWS, SAMPLE_ROWS);
            List<Object> values = result.rows().stream().map(r -> r.get(0)).collect(Collectors.toList());
            return new RuleProposal(id, generationId, documentId, target, row.targetColumn(), row.ref(), expression,
                    RuleProposal.PROPOSED, null, values, caller.userId(), null, null);
        } catch (AiHubException e) {
            if (e.status() != 422) {
                throw e;
            }
            return rejected(id, generationId, documentId, target, column, row, caller, expression,
                    "the expression did not run on the sample: " + e.code() + ": " + e.getMessage());
        }
    }

    private static RuleProposal rejected(String id, String generationId, String documentId, String target,
                                         JsonNode column, MappingRow row, Caller caller, String expression, String why) {
        return new RuleProposal(id, generationId, documentId, target, column.path("column").asText(), row.ref(),
                expression, RuleProposal.REJECTED, why, List.of(), caller.userId(), null, null);
    }

    /** The proposals of the tenant's generation; another tenant's (or an unknown) generation is 404, as everywhere. */
    public List<RuleProposal> list(Caller caller, String generationId) {
        generations.hashmap(caller, generationId);
        return proposals.ofGeneration(caller.tenantId(), generationId);
    }

    /** Writes an AI-proposed expression as the rule of its mapping row (a new spec version) and marks it accepted. */
    public RuleProposal accept(Caller caller, String proposalId) {
        RuleProposal p = proposals.find(caller.tenantId(), proposalId).orElseThrow(() -> AiHubException.notFound(
                "rule_proposal_not_found", "No rule proposal '" + proposalId + "' exists for your tenant."));
        if (!RuleProposal.PROPOSED.equals(p.status())) {
            throw new AiHubException(409, "rule_proposal_not_acceptable", "Not acceptable", "Rule proposal "
                    + proposalId + " is " + p.status() + (p.reason() == null ? "" : " (" + p.reason() + ")")
                    + "; only an AI-proposed expression that ran on the sample can be accepted.");
        }
        String row = p.mappingRef().replaceFirst("^@mapping\\[", "").replaceFirst("]$", "");
        int version;
        try {
            JsonNode edit = EventJson.mapper().readTree(documents.editRow(caller.tenantId(), caller.userId(),
                    caller.correlationId(), p.documentId(), row, EventJson.toJson(Map.of("transformation",
                            p.expression()))));
            // document-service's EditResult: {documentId, specVersion, changed, row, changes}
            if (!edit.path("specVersion").isInt()) {
                throw new AiHubException(502, "upstream_unreadable", "Bad answer", "document-service answered the "
                        + "row edit of " + p.mappingRef() + " without its spec version: " + edit);
            }
            version = edit.path("specVersion").asInt();
        } catch (DocumentClientErrors.Refused e) {
            throw new AiHubException(e.status() == 404 ? 404 : 422, e.code() == null ? "row_edit_refused" : e.code(),
                    "Row not updated", e.getMessage());
        } catch (DocumentClientErrors.Unavailable | jakarta.ws.rs.ProcessingException
                 | org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException e) {
            throw new AiHubException(503, "document_service_unavailable", "Service unavailable", "document-service "
                    + "does not answer, so the rule was not written: " + e.getMessage() + ". Retry in a moment.", e);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AiHubException(502, "upstream_unreadable", "Bad answer", "document-service answered the row "
                    + "edit with JSON that cannot be read: " + e.getOriginalMessage(), e);
        }
        proposals.accept(caller.tenantId(), proposalId, caller.userId(), version);
        return proposals.find(caller.tenantId(), proposalId).orElseThrow();
    }
}
