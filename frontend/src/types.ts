// Shapes of the server's JSON, as read from the Java views (TicketView, ClaimView, …).

export type Status = 'OPEN' | 'IN_PROGRESS' | 'IN_REVIEW' | 'APPROVED' | 'PUBLISHED' | 'RETRACTED' | 'DISCARDED';
export const STATUSES: Status[] = ['OPEN', 'IN_PROGRESS', 'IN_REVIEW', 'APPROVED', 'PUBLISHED', 'RETRACTED', 'DISCARDED'];
export type Priority = 'URGENT' | 'HIGH' | 'NORMAL' | 'LOW';
export const PRIORITIES: Priority[] = ['URGENT', 'HIGH', 'NORMAL', 'LOW'];

export interface Page<T> {
  items: T[];
  /** Exact when totalExact; above 10,000 rows the database's estimate. */
  total: number;
  totalExact: boolean;
  page: number;
  size: number;
  /** On lists paged by key: the `after` cursor of the next page, null on the last. */
  next?: string | null;
}

export interface ClaimSummary {
  id: number;
  text: string;
  /** Null after a GDPR erasure; then {@link claimantErased} says when. */
  claimant: string | null;
  claimantErased?: string | null;
  language: string;
  topics: string[];
  priority: Priority | null;
  duplicateOf: number | null;
}

export interface Ticket {
  id: number;
  status: Status;
  assignee: string | null;
  claim: ClaimSummary;
  deadline: string | null;
  overdue: boolean;
  publishAt: string | null;
  publishedVersions: number;
  reason: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
  permissions: TicketPermissions;
  /** Failed attempts at its scheduled publication (0 when none failed); shown from 3 on. */
  publicationFailures: number;
  lastPublicationError: string | null;
  nextPublicationAttemptAt: string | null;
}

/** What the caller may do to one ticket now, decided by the server (role, state, ownership, four-eyes). */
export interface TicketPermissions {
  /** Transition actions (path segments of POST /api/tickets/{id}/{action}). */
  actions: string[];
  edit: {
    /** The parts of the reviewed content. */
    claim: boolean;
    evidence: boolean;
    verdict: boolean;
    /** Priority and deadline (PUT /api/tickets/{id}/triage). */
    triage: boolean;
  };
  comment: boolean;
}

/** PUT /api/tickets/{id}/triage. */
export interface TriageRequest {
  priority: Priority;
  deadline: string | null;
  version: number;
}

/** What the caller may do on the desk as a whole (GET /api/me). */
export interface DeskPermissions {
  claimNext: boolean;
  createClaims: boolean;
  postArticles: boolean;
  acceptCandidates: boolean;
  triage: boolean;
  review: boolean;
  publish: boolean;
  administer: boolean;
}

export interface Me {
  subject: string;
  roles: string[];
  permissions: DeskPermissions;
}

export interface Appearance {
  id?: number;
  url: string;
  appearedAt: string | null;
}

export interface Claim {
  id: number;
  text: string;
  /** Null after a GDPR erasure; then {@link claimantErased} says when. */
  claimant: string | null;
  claimantErased?: string | null;
  language: string;
  topics: string[];
  // Priority and deadline are triage: read them from the ticket (claim.priority, deadline).
  articleId: number | null;
  sourceStart: number | null;
  sourceEnd: number | null;
  duplicateOf: number | null;
  /** Part of the reviewed content. */
  appearances: Appearance[];
  /** Found (by intake or a duplicate) while the content was frozen; they join at the next round of work. */
  laterAppearances: Appearance[];
  ticketId: number;
  ticketStatus: Status;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  version: number;
}

export type SourceKind = 'OFFICIAL_RECORD' | 'DATASET' | 'EXPERT' | 'MEDIA' | 'IMAGERY' | 'DOCUMENT' | 'SOCIAL_MEDIA' | 'OTHER';
export const SOURCE_KINDS: SourceKind[] = ['OFFICIAL_RECORD', 'DATASET', 'EXPERT', 'MEDIA', 'IMAGERY', 'DOCUMENT', 'SOCIAL_MEDIA', 'OTHER'];
export type Stance = 'SUPPORTS' | 'REFUTES' | 'CONTEXT';
export const STANCES: Stance[] = ['SUPPORTS', 'REFUTES', 'CONTEXT'];

export interface Evidence {
  id: number;
  ticketId: number;
  url: string;
  title: string;
  excerpt: string | null;
  sourceKind: SourceKind;
  stance: Stance;
  accessedOn: string;
  archiveUrl: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface EvidenceRequest {
  url: string;
  title: string;
  excerpt: string | null;
  sourceKind: SourceKind;
  stance: Stance;
  accessedOn: string;
  archiveUrl: string | null;
  version?: number;
}

export interface Verdict {
  id: number;
  state: 'DRAFT' | 'PUBLISHED';
  number: number | null;
  ratingId: number | null;
  headline: string | null;
  summary: string | null;
  explanation: string | null;
  evidenceIds: number[];
  correctionNote: string | null;
  publishedAt: string | null;
  publishedBy: string | null;
  updatedAt: string;
  version: number;
}

export interface VerdictOverview {
  draft: Verdict | null;
  published: Verdict[];
}

export interface VerdictDraftRequest {
  ratingId: number | null;
  headline: string;
  summary: string;
  explanation: string;
  evidenceIds: number[];
  correctionNote: string | null;
  version?: number;
}

export interface Comment {
  id: number;
  ticketId: number;
  author: string;
  body: string;
  createdAt: string;
}

export interface HistoryEvent {
  id: number;
  seq: number;
  occurredAt: string;
  actor: string;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  changes: unknown;
  hash: string;
}

export interface Rating {
  id: number;
  position: number;
  label: string;
  definition: string;
  value: number | null;
}

export interface RatingScale {
  id: number;
  name: string;
  active: boolean;
  bestRating: number | null;
  worstRating: number | null;
  ratings: Rating[];
  version: number;
}

export interface Settings {
  timeZone: string;
  maxInProgress: number;
  version: number;
}

export interface Person {
  subject: string;
  username: string;
  name: string | null;
  roles: string[];
}

export interface People {
  items: Person[];
  stale: boolean;
}

export interface Article {
  id: number;
  url: string;
  title: string | null;
  outlet: string | null;
  author: string | null;
  publishedAt: string | null;
  language: string | null;
  text: string;
  createdAt: string;
  createdBy: string;
  version: number;
}

/** An article in a list: everything but its text (GET /api/articles/{id} carries it). */
export type ArticleSummary = Omit<Article, 'text'>;

export interface ArticleRequest {
  url: string;
  title?: string;
  outlet?: string;
  author?: string;
  publishedAt?: string;
  language?: string;
  format?: 'text' | 'html';
  text: string;
}

export interface TextSpan {
  start: number;
  end: number;
  text: string;
}

export interface Reason {
  feature: string;
  label: string;
  contribution: number;
}

export interface Signal {
  kind: string;
  explanation: string;
  triggers: TextSpan[];
}

export interface Sentence {
  position: number;
  start: number;
  end: number;
  text: string;
  score: number;
  candidate: boolean;
  claimant: string | null;
  reasons: Reason[];
  signals: Signal[];
  claimIds: number[];
}

export interface SimilarClaim {
  claimId: number;
  ticketId: number;
  status: string;
  text: string;
  claimant: string | null;
  similarity: number;
  rating: string | null;
  publicPath: string | null;
}

export interface SimilarReview {
  id: number;
  claimText: string;
  claimant: string | null;
  rating: string | null;
  publisher: string | null;
  reviewUrl: string;
  reviewedAt: string | null;
  similarity: number;
}

export interface Matches {
  claims: SimilarClaim[];
  priorReviews: SimilarReview[];
}

export interface Candidate {
  sentence: Sentence;
  similar: Matches | null;
}

export interface AcceptItem {
  position: number;
  text?: string;
  claimant?: string;
  priority?: Priority;
  topics?: string[];
  deadline?: string;
  linkTo?: number;
}

export interface AcceptOutcome {
  position: number;
  claimId: number;
  ticketId: number;
  linked: boolean;
}

/** One message of /api/events (event name "ticket"). */
export interface TicketEvent {
  ticketId: number;
  claimId?: number;
  action: string;
  status?: string;
  actor?: string;
  occurredAt?: string;
}
