// Emulates ChatGPT's own script on the conversation fixtures: a thumb under an answer becomes
// pressed (the other one released) and the feedback request names the answer's message id and
// the rating, as chatgpt.com sends it. Releasing a thumb sends nothing. Injected by the e2e harness.
(() => {
  const conversation = /\/c\/([\w-]+)/.exec(location.pathname)?.[1] ?? '';
  document.addEventListener('click', (e) => {
    const button = e.target.closest(
      '[data-testid="good-response-turn-action-button"], [data-testid="bad-response-turn-action-button"]',
    );
    if (!button) return;
    const turn = button.closest('article');
    const good = button.getAttribute('data-testid').startsWith('good');
    const other = turn.querySelector(`[data-testid="${good ? 'bad' : 'good'}-response-turn-action-button"]`);
    const pressing = button.getAttribute('aria-pressed') !== 'true';
    button.setAttribute('aria-pressed', String(pressing));
    if (!pressing) return;
    other?.setAttribute('aria-pressed', 'false');
    const messages = turn.querySelectorAll('[data-message-author-role="assistant"][data-message-id]');
    fetch('/backend-api/conversation/message_feedback', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        conversation_id: conversation,
        message_id: messages[messages.length - 1].getAttribute('data-message-id'),
        rating: good ? 'thumbsUp' : 'thumbsDown',
        tags: [],
      }),
    }).catch(() => {});
  });
})();
