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

// The "which response do you prefer" choice: the chosen answer stays in the thread, the other is
// removed, and the comparison feedback is posted with the 2023 body shape (see lib/detectors/chatgpt.ts).
(() => {
  const conversation = /\/c\/([\w-]+)/.exec(location.pathname)?.[1] ?? '';
  document.addEventListener('click', (e) => {
    const button = e.target.closest('[data-compare-choice]');
    const panel = button?.closest('[data-compare-panel]');
    if (!panel) return;
    const choice = button.getAttribute('data-compare-choice');
    const now = Date.now() / 1000;
    fetch('/backend-api/conversation/message_comparison_feedback', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        compare_step_start_time: now - 5,
        completion_comparison_rating: choice,
        conversation_id: conversation,
        feedback_start_time: now - 5,
        feedback_version: 'comparison_feedback_modal:a:1.0',
        frontend_submission_time: now,
        new_completion_placement: 'right',
        new_message_id: panel.getAttribute('data-new'),
        original_message_id: panel.getAttribute('data-original'),
        rating: 'none',
        tags: [],
        text: '',
      }),
    }).catch(() => {});
    for (const side of panel.querySelectorAll('[data-compare-side]')) {
      if (side.getAttribute('data-compare-side') !== choice) side.remove();
    }
    panel.querySelector('h2')?.remove();
    for (const b of panel.querySelectorAll('[data-compare-choice]')) b.remove();
    panel.setAttribute('data-chosen', choice);
  });
})();
