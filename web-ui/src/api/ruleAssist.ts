import { apiRequest, jsonBody } from './http';

/** An expression the model proposed for a column the compiler flagged, checked on the generation's sample. */
export interface RuleProposal {
  proposalId: string;
  generationId: string;
  documentId?: string | null;
  target: string;
  column: string;
  mappingRef?: string | null;
  expression?: string | null;
  /** ai_proposed (ran on the sample, waiting for a user), rejected (did not run: reason), accepted (the row's rule) */
  status: 'ai_proposed' | 'rejected' | 'accepted' | string;
  reason?: string | null;
  sampleValues?: unknown[] | null;
  acceptedBy?: string | null;
  /** the spec version the acceptance created */
  specVersion?: number | null;
}

export interface RuleProposals {
  generationId: string;
  proposals: RuleProposal[];
}

const base = '/ai/rule-assist';

/** Asks the model for an expression for every flagged column of the generation (409 llm_not_configured without one). */
export function proposeRules(generationId: string): Promise<RuleProposals> {
  return apiRequest<RuleProposals>(`${base}/generations/${encodeURIComponent(generationId)}`, jsonBody({}));
}

/** The proposals made so far for the generation, and which were accepted. */
export function listRuleProposals(generationId: string): Promise<RuleProposals> {
  return apiRequest<RuleProposals>(`${base}/generations/${encodeURIComponent(generationId)}`);
}

/** Writes the proposal back as the rule of its mapping row: a new spec version. */
export function acceptRuleProposal(proposalId: string): Promise<RuleProposal> {
  return apiRequest<RuleProposal>(`${base}/proposals/${encodeURIComponent(proposalId)}/accept`, jsonBody({}));
}

/** The latest proposal of each column (a later request supersedes an earlier one), accepted ones first to keep. */
export function latestPerColumn(proposals: readonly RuleProposal[]): RuleProposal[] {
  const byColumn = new Map<string, RuleProposal>();
  for (const p of proposals) {
    const key = `${p.target}.${p.column}`;
    const seen = byColumn.get(key);
    if (!seen || seen.status !== 'accepted') byColumn.set(key, p);
  }
  return [...byColumn.values()];
}
