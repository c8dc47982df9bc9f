import type { CapturedThread } from '@comms-log/shared';

/**
 * The in-page button's words, worded by the background in the user's language: the content script carries no
 * message catalogue (docs/architecture.md "Content scripts").
 */
export type LogThisView = {
  logThis: string;
  /** "Logged N messages, <when>", or null while nothing of the thread is logged. */
  logged: string | null;
  noThread: string;
  /** The background did not take the thread (it restarted, or the extension was updated): reload the page. */
  unavailable: string;
  /** With `$1` for the field the adapter could not find. */
  siteChanged: string;
};

/** What the content script hands its panel page: the thread as the adapter read it. */
export type PanelHandoff = { thread: CapturedThread };
