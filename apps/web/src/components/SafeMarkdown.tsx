import Markdown, { type Components } from 'react-markdown';

// Images would load from wherever a bid points (telling that site who reads the bid, and when): shown as their alt text.
const DISALLOWED = ['img'];

const components: Components = {
  a: ({ href, children }) => (
    <a href={href} target="_blank" rel="noopener noreferrer nofollow">
      {children}
    </a>
  ),
};

/**
 * A bid's Markdown, rendered safely: raw HTML is never rendered (react-markdown escapes it),
 * link targets go through its URL filter (no javascript:), links open outside the app, images
 * stay text.
 */
export function SafeMarkdown({ text }: { text: string }) {
  return (
    <div className="markdown" data-testid="markdown">
      <Markdown disallowedElements={DISALLOWED} unwrapDisallowed components={components}>
        {text}
      </Markdown>
    </div>
  );
}
