package io.aide.aihub.ruleassist;

import java.util.List;

/**
 * An expression the language model proposed for a flagged column.
 *
 * @param status       {@code ai_proposed} (ran on the sample, waiting for a user), {@code rejected} (did not run;
 *                     {@code reason} says why) or {@code accepted} (written back as the row's rule)
 * @param sampleValues what the expression gives on the first sample rows
 * @param specVersion  the spec version the acceptance created
 */
public record RuleProposal(String proposalId, String generationId, String documentId, String target, String column,
                           String mappingRef, String expression, String status, String reason,
                           List<Object> sampleValues, String proposedBy, String acceptedBy, Integer specVersion) {
    public static final String PROPOSED = "ai_proposed";
    public static final String REJECTED = "rejected";
    public static final String ACCEPTED = "accepted";
}
