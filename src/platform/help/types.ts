import type { Article } from '../../config/types.js';

/** Where an article came from: the config, or a remote knowledge base. */
export type ArticleSource = 'local' | 'zendesk' | 'json';

/** An article as the help panel lists it: plain strings, already localized, link already checked safe. */
export interface HelpArticle {
  id: string;
  title: string;
  url: string;
  summary?: string;
  source: ArticleSource;
  /** The config article (local results only): its `body` can be opened inside the panel. */
  article?: Article;
}

/** A search or suggestion result: higher `score` ranks first. */
export interface ArticleHit extends HelpArticle {
  score: number;
}

/** What the user is doing right now: boosts and filters suggestions. */
export interface HelpSituation {
  /** Current URL or path. */
  page?: string;
  /** Current journey stage id. */
  stage?: string | null;
  /** Article ids linked from the tour step, hint or checklist item in progress, best first. */
  stepArticles?: readonly string[];
}
