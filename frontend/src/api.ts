// The API client: relative URLs on the same origin, bearer token, problem+json errors.
import type {
  AcceptItem, AcceptOutcome, Article, Asked, ArticleRequest, ArticleSummary, BulkOutcome, BulkRequest, Candidates, Capture, Claim, DeskMetrics, FigureTicket,
  Comment, Evidence, EvidenceRequest, HistoryEvent, ImportReport, Matches, Me, Notification, Page, People, PriorReview,
  RatingScale, RatingScaleRequest, SearchHit, Sentences, Settings, SettingsRequest, Ticket, TipChannel, TipChannelRequest,
  TipClaimRequest, TipGroup, TipGroupDetail, TipGroupState, TriageRequest, UnreadCount,
  Verdict, VerdictDraftRequest, VerdictOverview, WatchDiff, WebAppConfig, WebhookDelivery, WebhookEndpoint, WebhookEndpointRequest,
} from './types';

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  currentVersion?: number;
  /** On a 409 for a transition not possible now. */
  currentState?: string;
  allowedActions?: string[];
  violations?: { field?: string; message?: string; in?: string }[];
  [key: string]: unknown;
}

/** An error answer of the API, with what to tell the person. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(status: number, problem: Problem) {
    super(messageFor(status, problem));
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }

  /** Someone else saved a newer version of what this person was editing (409 with currentVersion). */
  get stale(): boolean {
    return this.status === 409 && typeof this.problem.currentVersion === 'number';
  }
}

/** The largest page any list answers (PageRequest.MAX_SIZE on the server). */
const MAX_PAGE_SIZE = 200;

export const STALE_MESSAGE =
  'Someone else changed this while you were editing. Your unsaved text is kept here: reload to see their changes, then apply yours again.';

/** What the person reads for an error answer: the server's detail, with a plain-language lead for the common cases. */
export function messageFor(status: number, problem: Problem): string {
  const detail = problem.detail?.trim();
  const violations = (problem.violations ?? [])
    .map((v) => [v.field, v.message].filter(Boolean).join(': '))
    .filter(Boolean)
    .join('; ');
  if (status === 409 && typeof problem.currentVersion === 'number') {
    return detail ? `${STALE_MESSAGE} (${detail})` : STALE_MESSAGE;
  }
  if (status === 401) return 'Your session has expired. Please sign in again.';
  const text = [detail, violations].filter(Boolean).join(' — ');
  if (text) return text;
  if (problem.title) return problem.title;
  if (status === 403) return 'You are not allowed to do this.';
  if (status === 404) return 'Not found.';
  if (status >= 500) return `The server had a problem (${status}). Try again in a moment.`;
  return `Request failed (${status}).`;
}

export type TokenSource = () => string | null | Promise<string | null>;

export interface TicketQuery {
  status?: string[];
  topic?: string;
  language?: string;
  assignee?: string;
  overdue?: boolean;
  priority?: string;
  changesRequested?: boolean;
  q?: string;
  sort?: string;
  page?: number;
  size?: number;
}

export function ticketQueryString(query: TicketQuery): string {
  const params = new URLSearchParams();
  for (const s of query.status ?? []) params.append('status', s);
  for (const key of ['topic', 'language', 'assignee', 'priority', 'q', 'sort'] as const) {
    const value = query[key]?.trim();
    if (value) params.set(key, value);
  }
  if (query.overdue) params.set('overdue', 'true');
  if (query.changesRequested != null) params.set('changesRequested', String(query.changesRequested));
  if (query.page != null) params.set('page', String(query.page));
  if (query.size != null) params.set('size', String(query.size));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** A request whose body or answer is not JSON (an upload, an HTML page). */
export interface RawOptions {
  /** Sent as is, with this Content-Type. */
  raw?: { body: string; contentType: string };
  /** What the answer should be; problems always come as problem+json. */
  accept?: string;
  /** Answer the body as text rather than parsing it as JSON. */
  text?: boolean;
}

export class Api {
  constructor(
    private readonly token: TokenSource,
    private readonly fetchImpl: typeof fetch = (...args) => fetch(...args),
  ) {}

  async request<T>(method: string, path: string, body?: unknown, options: RawOptions = {}): Promise<T> {
    const headers: Record<string, string> = { Accept: options.accept ? `${options.accept}, application/problem+json` : 'application/json, application/problem+json' };
    const token = await this.token();
    if (token) headers.Authorization = `Bearer ${token}`;
    if (options.raw) headers['Content-Type'] = options.raw.contentType;
    else if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      response = await this.fetchImpl(path, {
        method,
        headers,
        body: options.raw ? options.raw.body : body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new ApiError(0, { detail: 'The server could not be reached. Check your connection and try again.' });
    }
    if (!response.ok) {
      throw new ApiError(response.status, await readProblem(response));
    }
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    if (options.text) return text as T;
    return (text ? JSON.parse(text) : undefined) as T;
  }

  get = <T>(path: string) => this.request<T>('GET', path);

  // Desk
  /** Who is signed in and what they may do on the desk; changes only with the token. */
  me = () => this.get<Me>('/api/me');
  settings = () => this.get<Settings>('/api/settings');
  people = () => this.get<People>('/api/people');
  ratingScales = () => this.get<Page<RatingScale>>(`/api/rating-scales?size=${MAX_PAGE_SIZE}`).then((p) => p.items);

  // Tickets
  tickets = (query: TicketQuery) => this.get<Page<Ticket>>(`/api/tickets${ticketQueryString(query)}`);
  ticket = (id: number) => this.get<Ticket>(`/api/tickets/${id}`);
  claimNext = () => this.request<Ticket>('POST', '/api/tickets/claim-next');
  transition = (id: number, action: string, body?: Record<string, unknown>) =>
    this.request<Ticket>('POST', `/api/tickets/${id}/${encodeURIComponent(action)}`, body);
  /** Priority and deadline; answers the updated ticket, 409 on a stale version. */
  triage = (id: number, body: TriageRequest) => this.request<Ticket>('PUT', `/api/tickets/${id}/triage`, body);
  /** One action on many tickets, each in its own transaction: an outcome per ticket (done, or its problem). */
  bulk = (body: BulkRequest) => this.request<BulkOutcome>('POST', '/api/tickets/bulk', body);
  /** The newest events, oldest first (the API pages newest first). */
  history = (id: number) => this.get<Page<HistoryEvent>>(`/api/tickets/${id}/history?size=${MAX_PAGE_SIZE}`).then((p) => p.items.reverse());

  // Claims
  claim = (id: number) => this.get<Claim>(`/api/claims/${id}`);
  updateClaim = (id: number, body: Record<string, unknown>) => this.request<Claim>('PUT', `/api/claims/${id}`, body);
  similarToClaim = (id: number) => this.get<Matches>(`/api/claims/${id}/similar`);

  // Work on a ticket
  evidence = (ticketId: number) => this.get<Page<Evidence>>(`/api/tickets/${ticketId}/evidence?size=${MAX_PAGE_SIZE}`).then((p) => p.items);
  addEvidence = (ticketId: number, body: EvidenceRequest) =>
    this.request<Evidence>('POST', `/api/tickets/${ticketId}/evidence`, body);
  updateEvidence = (ticketId: number, id: number, body: EvidenceRequest) =>
    this.request<Evidence>('PUT', `/api/tickets/${ticketId}/evidence/${id}`, body);
  removeEvidence = (ticketId: number, id: number, version: number) =>
    this.request<void>('DELETE', `/api/tickets/${ticketId}/evidence/${id}?version=${version}`);
  /** The newest preserved copy of each evidence item that has one. */
  captures = (ticketId: number) => this.get<Page<Capture>>(`/api/tickets/${ticketId}/captures?size=${MAX_PAGE_SIZE}`).then((p) => p.items);
  /** Preserves the item's source again (409 while a capture of it is under way). */
  requestCapture = (ticketId: number, evidenceId: number) =>
    this.request<Capture>('POST', `/api/tickets/${ticketId}/evidence/${evidenceId}/captures`);
  /** The preserved text of a watched source beside its text now. */
  captureWatch = (ticketId: number, captureId: number) => this.get<WatchDiff>(`/api/tickets/${ticketId}/captures/${captureId}/watch`);
  verdict = (ticketId: number) => this.get<VerdictOverview>(`/api/tickets/${ticketId}/verdict`);
  saveVerdict = (ticketId: number, body: VerdictDraftRequest) =>
    this.request<Verdict>('PUT', `/api/tickets/${ticketId}/verdict`, body);
  /** The newest comments, oldest first (the API pages newest first). */
  comments = (ticketId: number) => this.get<Page<Comment>>(`/api/tickets/${ticketId}/comments?size=${MAX_PAGE_SIZE}`).then((p) => p.items.reverse());
  addComment = (ticketId: number, body: string) =>
    this.request<Comment>('POST', `/api/tickets/${ticketId}/comments`, { body });

  // The public's tips
  /** Groups of tips in a state, most recently asked first; `after` is the `next` of the page before. */
  tips = (state: TipGroupState, after?: string | null, size = 20) =>
    this.get<Page<TipGroup>>(`/api/tips?state=${state}&size=${size}${after ? `&after=${encodeURIComponent(after)}` : ''}`);
  tipGroup = (id: number) => this.get<TipGroupDetail>(`/api/tips/groups/${id}`);
  /** Turns a group into a claim (its ticket opens); answers the group, pointing at it. */
  createClaimFromTips = (id: number, body: TipClaimRequest) => this.request<TipGroup>('POST', `/api/tips/groups/${id}/claim`, body);
  attachTips = (id: number, claimId: number) => this.request<TipGroup>('POST', `/api/tips/groups/${id}/attach`, { claimId });
  dismissTips = (id: number, reason: string | null) =>
    this.request<TipGroup>('POST', `/api/tips/groups/${id}/dismiss`, reason ? { reason } : {});
  /** How many of the public asked about the ticket's claim. */
  asked = (ticketId: number) => this.get<Asked>(`/api/tickets/${ticketId}/asked`);

  // Notifications (the caller's own)
  /** The caller's notifications, newest first; `after` is the `next` of the page before. */
  notifications = (after?: string | null, size = 20) =>
    this.get<Page<Notification>>(`/api/notifications?size=${size}${after ? `&after=${encodeURIComponent(after)}` : ''}`);
  unreadCount = () => this.get<UnreadCount>('/api/notifications/unread-count');
  markNotificationRead = (id: number) => this.request<Notification>('POST', `/api/notifications/${id}/read`);
  markAllNotificationsRead = () => this.request<UnreadCount>('POST', '/api/notifications/read-all');

  // The desk's figures: `query` is the dashboard's (from, to, bucket, person; figure and its narrowing for tickets).
  metrics = (query: URLSearchParams) => this.get<DeskMetrics>(`/api/metrics?${query}`);
  metricTickets = (query: URLSearchParams) =>
    this.get<Page<FigureTicket>>(`/api/metrics/tickets?${query}`);

  // Intake
  articles = (query: { q?: string; language?: string; page?: number } = {}) => {
    const params = new URLSearchParams({ page: String(query.page ?? 0), size: '20' });
    if (query.q?.trim()) params.set('q', query.q.trim());
    if (query.language?.trim()) params.set('language', query.language.trim());
    return this.get<Page<ArticleSummary>>(`/api/articles?${params}`);
  };
  article = (id: number) => this.get<Article>(`/api/articles/${id}`);
  createArticle = (body: ArticleRequest) => this.request<Article>('POST', '/api/articles', body);
  sentences = (id: number) => this.get<Sentences>(`/api/articles/${id}/sentences`);
  candidates = (id: number) => this.get<Candidates>(`/api/articles/${id}/candidates`);
  accept = (id: number, items: AcceptItem[]) =>
    this.request<{ items: AcceptOutcome[] }>('POST', `/api/articles/${id}/candidates/accept`, { items });
  dismiss = (id: number, positions: number[]) =>
    this.request<void>('POST', `/api/articles/${id}/candidates/dismiss`, { positions });
  // Search across claims, tickets, articles and prior reviews
  search = (q: string, kind?: string, page = 0) => {
    const params = new URLSearchParams({ q, page: String(page), size: '25' });
    if (kind) params.set('kind', kind);
    return this.get<Page<SearchHit>>(`/api/search?${params}`);
  };
  similar = (text: string) => this.get<Matches>(`/api/similar?text=${encodeURIComponent(text)}`);

  // Publishing
  /** The public page publishing the ticket now would show (HTML, marked as a preview). */
  preview = (ticketId: number) => this.request<string>('GET', `/api/tickets/${ticketId}/preview`, undefined, { accept: 'text/html', text: true });
  /** Marks the claim a duplicate of `original`: its ticket is discarded, its appearances move over. */
  markDuplicate = (claimId: number, original: number) =>
    this.request<Claim>('POST', `/api/claims/${claimId}/mark-duplicate`, { duplicateOf: original });
  similarClaims = (claimId: number) => this.get<Matches>(`/api/claims/${claimId}/similar?limit=10`);

  // Prior reviews
  priorReviews = (q: string, page = 0) => {
    const params = new URLSearchParams({ page: String(page), size: '25' });
    if (q.trim()) params.set('q', q.trim());
    return this.get<Page<PriorReview>>(`/api/prior-reviews?${params}`);
  };
  /** Uploads a ClaimReview document: JSON-LD (a review or a DataFeed) or an HTML page carrying it. */
  importPriorReviews = (content: string, html: boolean, baseUrl?: string) =>
    this.request<ImportReport>('POST', `/api/prior-reviews/import${baseUrl?.trim() ? `?baseUrl=${encodeURIComponent(baseUrl.trim())}` : ''}`,
      undefined, { raw: { body: content, contentType: html ? 'text/html' : 'application/ld+json' } });
  importPriorReviewsFrom = (url: string) => this.request<ImportReport>('POST', '/api/prior-reviews/import-url', { url });

  // Administration
  allRatingScales = () => this.get<Page<RatingScale>>(`/api/rating-scales?size=${MAX_PAGE_SIZE}`);
  createRatingScale = (body: RatingScaleRequest) => this.request<RatingScale>('POST', '/api/rating-scales', body);
  activateRatingScale = (id: number) => this.request<RatingScale>('POST', `/api/rating-scales/${id}/activate`);
  webhooks = () => this.get<Page<WebhookEndpoint>>(`/api/webhooks?size=${MAX_PAGE_SIZE}`);
  registerWebhook = (body: WebhookEndpointRequest) => this.request<WebhookEndpoint>('POST', '/api/webhooks', body);
  deactivateWebhook = (id: number) => this.request<void>('DELETE', `/api/webhooks/${id}`);
  /** Newest first; `after` is the `next` of the page before. */
  deliveries = (endpointId: number, after?: string | null) =>
    this.get<Page<WebhookDelivery>>(`/api/webhooks/${endpointId}/deliveries?size=25${after ? `&after=${encodeURIComponent(after)}` : ''}`);
  resendDelivery = (deliveryId: number) => this.request<WebhookDelivery>('POST', `/api/webhooks/deliveries/${deliveryId}/resend`);
  tipChannels = () => this.get<Page<TipChannel>>(`/api/tip-channels?size=${MAX_PAGE_SIZE}`);
  registerTipChannel = (body: TipChannelRequest) => this.request<TipChannel>('POST', '/api/tip-channels', body);
  deactivateTipChannel = (id: number) => this.request<TipChannel>('POST', `/api/tip-channels/${id}/deactivate`);
  updateSettings = (body: SettingsRequest) => this.request<Settings>('PUT', '/api/settings', body);
  /** The deployment's sign-in settings (public): where the realm lives. */
  webAppConfig = () => this.get<WebAppConfig>('/config.json');
}

async function readProblem(response: Response): Promise<Problem> {
  const type = response.headers.get('Content-Type') ?? '';
  try {
    const text = await response.text();
    if (type.includes('json') && text) {
      const parsed = JSON.parse(text) as unknown;
      if (parsed && typeof parsed === 'object') return parsed as Problem;
    }
    return { status: response.status, title: response.statusText || undefined };
  } catch {
    return { status: response.status, title: response.statusText || undefined };
  }
}
