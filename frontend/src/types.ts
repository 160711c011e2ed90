// Readable names for the server's JSON, over the types generated from its OpenAPI document
// (src/openapi/schema.d.ts: `npm run api:types`; the Maven build fails when that file is stale).
// The document lists every field of a view (the server always sends them all) but not which may be
// null, so the fields sent as null when unset are named here: `WithNull` only accepts names the
// document has, so a renamed or removed field fails the type check instead of going stale.
import type { components } from './openapi/schema';

type Schemas = components['schemas'];
/** T with the fields K widened to allow null. */
type WithNull<T, K extends keyof T> = Omit<T, K> & { [P in K]: T[P] | null };

export type Status = Schemas['TicketStatus'];
export const STATUSES: Status[] = ['OPEN', 'IN_PROGRESS', 'IN_REVIEW', 'APPROVED', 'PUBLISHED', 'RETRACTED', 'DISCARDED'];
export type Priority = Schemas['Priority'];
export const PRIORITIES: Priority[] = ['URGENT', 'HIGH', 'NORMAL', 'LOW'];
export type SourceKind = Schemas['SourceKind'];
export const SOURCE_KINDS: SourceKind[] = ['OFFICIAL_RECORD', 'DATASET', 'EXPERT', 'MEDIA', 'IMAGERY', 'DOCUMENT', 'SOCIAL_MEDIA', 'OTHER'];
export type Stance = Schemas['Stance'];
export const STANCES: Stance[] = ['SUPPORTS', 'REFUTES', 'CONTEXT'];

/** One page of a list (GET /api/tickets, /api/articles, …). */
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

export type ClaimSummary = WithNull<Schemas['ClaimSummary'], 'claimant' | 'claimantErased' | 'priority' | 'duplicateOf'>;

/** What the caller may do to one ticket now, decided by the server (role, state, ownership, four-eyes). */
export type TicketPermissions = Schemas['Permissions'];

export type Ticket = WithNull<
  Omit<Schemas['TicketView'], 'claim'>,
  'assignee' | 'deadline' | 'publishAt' | 'reason' | 'lastPublicationError' | 'nextPublicationAttemptAt'
  | 'assigneeName'
> & { claim: ClaimSummary };

/** PUT /api/tickets/{id}/triage. */
export type TriageRequest = WithNull<Schemas['TriageRequest'], 'deadline'>;

/** What the caller may do on the desk as a whole (GET /api/me). */
export type DeskPermissions = Schemas['DeskPermissions'];
export type Me = Schemas['MeView'];

export type Appearance = WithNull<Schemas['AppearanceView'], 'appearedAt'>;

export type Claim = WithNull<
  Omit<Schemas['ClaimView'], 'appearances' | 'laterAppearances'>,
  'claimant' | 'claimantErased' | 'priority' | 'deadline' | 'articleId' | 'sourceStart' | 'sourceEnd' | 'duplicateOf'
  | 'createdByName'
> & {
  /** Part of the reviewed content. */
  appearances: Appearance[];
  /** Found (by intake or a duplicate) while the content was frozen; they join at the next round of work. */
  laterAppearances: Appearance[];
};

export type Evidence = WithNull<Schemas['EvidenceView'], 'excerpt' | 'archiveUrl' | 'createdByName'>;
export type EvidenceRequest = WithNull<Schemas['EvidenceRequest'], 'excerpt' | 'archiveUrl'>;

/** What the link watch found about a published source's original since its preserved copy. */
export type SourceWatch = WithNull<Schemas['WatchView'], 'since' | 'checkedAt' | 'detail'>;
export type CaptureState = Schemas['CaptureView']['state'];
/**
 * A preserved copy of an evidence item's source: PENDING (with an error: an attempt failed, another
 * follows), DONE or FAILED; `viewUrl` and `warcUrl` once DONE and until erased; `watch` once published.
 */
export type Capture = WithNull<
  Omit<Schemas['CaptureView'], 'watch'>,
  'evidenceId' | 'error' | 'capturedAt' | 'warcDigest' | 'warcSize' | 'pageStatus' | 'finalUrl' | 'erasedAt' | 'viewUrl'
  | 'warcUrl'
> & { watch: SourceWatch | null };
/** A watched source's preserved text beside its text now (`currentText` only while CHANGED; null once erased). */
export type WatchDiff = WithNull<Omit<Schemas['WatchDiffView'], 'watch'>, 'capturedAt' | 'capturedText' | 'currentText'> & { watch: SourceWatch };

export type Verdict = WithNull<
  Schemas['VerdictView'],
  'number' | 'ratingId' | 'headline' | 'summary' | 'explanation' | 'correctionNote' | 'publishedAt' | 'publishedBy'
  | 'publishedByName'
>;
export type VerdictOverview = { draft: Verdict | null; published: Verdict[] };
/** No version for a first draft (the document marks no field of it required, so each is named). */
export type VerdictDraftRequest = WithNull<Omit<Schemas['VerdictDraftRequest'], 'version'>, 'ratingId' | 'correctionNote'> & { version?: number };

// People's names are null when the desk directory does not know them (or cannot be reached).
export type Comment = WithNull<Schemas['CommentView'], 'authorName'>;
export type HistoryEvent = WithNull<Schemas['HistoryEventView'], 'fromStatus' | 'toStatus' | 'actorName'>;

export type Rating = WithNull<Schemas['RatingView'], 'value'>;
export type RatingScale = WithNull<Omit<Schemas['RatingScaleView'], 'ratings'>, 'bestRating' | 'worstRating'> & { ratings: Rating[] };

export type Settings = Schemas['DeskSettingsView'];
export type Person = WithNull<Schemas['Person'], 'name'>;
export type People = Omit<Schemas['PeopleView'], 'items'> & { items: Person[] };

export type Article = WithNull<Schemas['ArticleView'], 'title' | 'outlet' | 'author' | 'publishedAt' | 'language' | 'detectedLanguage' | 'createdByName'>;
/** An article in a list: everything but its text (GET /api/articles/{id} carries it). */
export type ArticleSummary = WithNull<Schemas['ArticleSummary'], 'title' | 'outlet' | 'author' | 'publishedAt' | 'language'>;
export type ArticleRequest = Schemas['ArticleRequest'];

export type TextSpan = Schemas['Span'];
export type Reason = Schemas['Reason'];
export type Signal = Schemas['Signal'];
export type Sentence = WithNull<Schemas['SentenceView'], 'claimant'>;
export type SimilarClaim = WithNull<Schemas['SimilarClaim'], 'claimant' | 'rating' | 'publicPath'>;
export type SimilarReview = WithNull<Schemas['SimilarReview'], 'claimant' | 'rating' | 'publisher' | 'reviewedAt'>;
export type Matches = Omit<Schemas['Matches'], 'claims' | 'priorReviews'> & { claims: SimilarClaim[]; priorReviews: SimilarReview[] };
export type Precedent = WithNull<Schemas['Precedent'], 'claimId'>;
export type Candidate = { sentence: Sentence; similar: Matches | null; precedents: Precedent[] };
export type Sentences = Omit<Schemas['SentencesView'], 'items'> & { items: Sentence[] };
export type Candidates = Omit<Schemas['CandidatesView'], 'items'> & { items: Candidate[] };
export type AcceptItem = Schemas['Item'];
export type AcceptOutcome = Schemas['Outcome'];

/** Other fact-checkers' reviews, imported from their ClaimReview markup (GET /api/prior-reviews). */
export type PriorReview = WithNull<
  Schemas['PriorReviewView'],
  'claimant' | 'claimDate' | 'appearanceUrl' | 'publisher' | 'publisherUrl' | 'rating' | 'ratingValue' | 'bestRating'
  | 'worstRating' | 'reviewedAt' | 'reviewedAtOffset' | 'language' | 'source' | 'importedBy'
>;
export type ImportNote = WithNull<Schemas['ImportNote'], 'reference'>;
export type ImportReport = Omit<Schemas['ImportReport'], 'errors' | 'warnings'> & { errors: ImportNote[]; warnings: ImportNote[] };
export type RatingScaleRequest = Schemas['RatingScaleRequest'];
export type SettingsRequest = Schemas['DeskSettingsRequest'];
/** A partner's webhook endpoint; `secret` only in the answer to its registration. */
export type WebhookEndpoint = WithNull<Schemas['EndpointView'], 'secret'>;
export type WebhookEndpointRequest = Schemas['EndpointRequest'];
export type DeliveryStatus = Schemas['Status'];
export type WebhookDelivery = WithNull<Schemas['DeliveryView'], 'nextAttemptAt' | 'lastStatus' | 'lastError' | 'deliveredAt'>;
/** A partner's tipline; `secret` only in the answer to its registration. */
export type TipChannel = WithNull<Schemas['ChannelView'], 'secret'>;
export type TipChannelRequest = Schemas['ChannelRequest'];
/** GET /config.json: where people sign in (a Keycloak realm). */
export type WebAppConfig = WithNull<Schemas['WebAppConfigView'], 'publicBaseUrl'>;
/** A search hit (GET /api/search): title and snippet are untrusted text, shown as text. */
export type SearchKind = Schemas['SearchKind'];
export const SEARCH_KINDS: SearchKind[] = ['CLAIM', 'TICKET', 'ARTICLE', 'PRIOR_REVIEW'];
export type SearchHit = WithNull<Schemas['SearchHitView'], 'ticketId' | 'status' | 'snippet'>;

/** POST /api/tickets/bulk: one action on up to 100 tickets. */
export type BulkAction = Schemas['BulkAction'];
export type BulkRequest = Schemas['BulkRequest'];
export type BulkProblem = WithNull<Schemas['BulkProblemView'], 'detail'>;
export type BulkResult = Omit<WithNull<Schemas['BulkResultView'], 'ticket' | 'problem'>, 'ticket' | 'problem'> & {
  ticket: Ticket | null;
  problem: BulkProblem | null;
};
export type BulkOutcome = Omit<Schemas['BulkView'], 'results'> & { results: BulkResult[] };

/** One message of /api/events (event name "ticket"). Not in the document: it describes the stream as text. */
export interface TicketEvent {
  ticketId: number;
  claimId?: number;
  action: string;
  status?: string;
  actor?: string;
  occurredAt?: string;
}

/** One of the caller's notifications: `actorName` null when the directory does not know the person. */
export type Notification = WithNull<Schemas['NotificationView'], 'commentId' | 'actorName' | 'claimExcerpt' | 'readAt'>;
export type NotificationKind = Schemas['NotificationKind'];
/** How many of the caller's notifications are unread (exact up to 1,000). */
export type UnreadCount = Schemas['UnreadCountView'];

// The public's tips (GET /api/tips): never who asked, only their words and counts.
export type TipGroup = Schemas['TipGroupView'];
export type TipGroupState = TipGroup['state'];
export type ClaimLink = Schemas['ClaimLink'];
export type Tip = Schemas['TipView'];
export type TipGroupDetail = Omit<Schemas['TipGroupDetailView'], 'group' | 'tips'> & { group: TipGroup; tips: Tip[] };
export type TipClaimRequest = Schemas['TipClaimRequest'];
/** How many asked about a ticket's claim, and the priority that suggests (GET /api/tickets/{id}/asked). */
export type Asked = Schemas['AskedView'];

// The desk's figures (GET /api/metrics): percentiles and rates are null when no ticket counts; the backlog and
// tips are the desk's only (null in one's own figures); a breakdown's null key is "the others together".
export type StageDuration = WithNull<Schemas['StageDuration'], 'p50Seconds' | 'p90Seconds'>;
export type KeyedThroughputBucket = WithNull<Schemas['KeyedThroughputBucket'], 'key'>;
export type DeskMetrics = Omit<Schemas['DeskMetricsView'], 'durations' | 'rates' | 'throughput' | 'backlog' | 'tips' | 'period'> & {
  period: WithNull<Schemas['MetricsPeriod'], 'person'>;
  durations: StageDuration[];
  rates: WithNull<Schemas['MetricsRates'], 'reworkRate' | 'correctionRate' | 'retractionRate'>;
  throughput: Omit<Schemas['Throughput'], 'byPerson' | 'byTopic' | 'byRating' | 'byLanguage'> & {
    byPerson: KeyedThroughputBucket[]; byTopic: KeyedThroughputBucket[]; byRating: KeyedThroughputBucket[]; byLanguage: KeyedThroughputBucket[];
  };
  backlog: Schemas['BacklogDay'][] | null;
  tips: { perClaim: WithNull<Schemas['TipSpread'], 'mean' | 'p50' | 'p90'>; timeToAnswer: StageDuration } | null;
};
export type FigureTicket = WithNull<Schemas['FigureTicket'], 'claim' | 'seconds'>;
