import { useEffect, useRef } from 'react';
import { ErrorBox, Highlighted } from '../../components';
import { useArticle } from '../../hooks/useArticle';
import type { Claim } from '../../types';

/**
 * The scrollTop that puts a mark's middle in the middle of its scroll box; a mark taller than the box
 * shows its start. Never negative (the browser clamps the far end itself).
 */
export function scrollTopToCentre(markTop: number, markHeight: number, boxHeight: number): number {
  if (markHeight >= boxHeight) return Math.max(0, markTop);
  return Math.max(0, Math.round(markTop + markHeight / 2 - boxHeight / 2));
}

/** The claim's source article in a bounded scroll box, the claim's sentence marked and scrolled into view. */
export function SourceArticle({ claim }: { claim: Claim }) {
  const article = useArticle(claim.articleId);
  const box = useRef<HTMLDivElement>(null);
  const text = article.data?.text;

  // Scrolls the box only, never the page (scrollIntoView would also move the window away from the work).
  useEffect(() => {
    const el = box.current;
    const mark = el?.querySelector<HTMLElement>('mark.mark-claim');
    if (!el || !mark) return;
    // The box is position: relative, so it is the mark's offsetParent and offsetTop is in its content.
    el.scrollTop = scrollTopToCentre(mark.offsetTop, mark.offsetHeight, el.clientHeight);
  }, [text, claim.sourceStart, claim.sourceEnd]);

  return (
    <section className="panel source-panel" aria-label="Source article">
      <details className="source" open>
        <summary>Source article{article.data ? `: ${article.data.title || article.data.url}` : ''}</summary>
        {article.data && (
          <>
            <p className="muted">
              {[article.data.outlet, article.data.author].filter(Boolean).join(' · ')}{' '}
              <a href={article.data.url} target="_blank" rel="noopener noreferrer">Original</a>
            </p>
            {/* Focusable so a keyboard can scroll it (axe: scrollable-region-focusable). */}
            <div ref={box} className="article-text" data-testid="source-article" tabIndex={0} role="region" aria-label="Source article text">
              <Highlighted
                text={article.data.text}
                spans={claim.sourceStart != null && claim.sourceEnd != null ? [{ start: claim.sourceStart, end: claim.sourceEnd, kind: 'claim', title: 'The claim' }] : []}
              />
            </div>
          </>
        )}
        <ErrorBox error={article.error} />
      </details>
    </section>
  );
}
