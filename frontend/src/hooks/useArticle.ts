import { useDesk } from '../desk';
import type { Article } from '../types';
import { useLoad, type Loaded } from './useLoad';

/** The article a claim was taken from; null data when there is none. */
export function useArticle(articleId: number | null | undefined): Loaded<Article | null> {
  const { api } = useDesk();
  return useLoad(async () => (articleId ? api.article(articleId) : null), [api, articleId]);
}
