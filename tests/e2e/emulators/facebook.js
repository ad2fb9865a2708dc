// Emulates Facebook's Comet client on the feed fixtures: the toolbar's first button likes or
// clears the reaction, hovering it opens the reactions picker, Enter in the comment box sends the
// comment, and the share button opens a sheet whose "Share now" reshares. Those requests are the
// form-encoded POST to /api/graphql/ named by fb_api_req_friendly_name (doc_id made up: the real
// ones rotate). Clicking the post's photo opens the tagger (collapsed: the face is taken as
// clicked) with a friend to choose; choosing one posts the tagger's form to
// /ajax/photo_tagging_ajax.php (fields as in the sources cited in lib/detectors/facebook.ts).
// Buttons are found by position, as labels differ by language. Injected by the e2e harness.
(() => {
  const REACTIONS = [
    '1635855486666999',
    '1678524932434102',
    '613557422527858',
    '115940658764963',
    '478547315650144',
    '908563459236466',
    '444813342392137',
  ];
  const feedbackId = (article) => {
    const post = /\/posts\/(\d+)/.exec(article.querySelector('a[href*="/posts/"]').getAttribute('href'))[1];
    return btoa(`feedback:${post}`);
  };
  const graphql = (name, variables) =>
    fetch('/api/graphql/', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-fb-friendly-name': name },
      body: new URLSearchParams({
        av: '100000000000001',
        __user: '100000000000001',
        fb_dtsg: 'NAc-placeholder',
        fb_api_caller_class: 'RelayModern',
        fb_api_req_friendly_name: name,
        variables: JSON.stringify(variables),
        server_timestamps: 'true',
        doc_id: '9000000000000002',
      }),
    }).catch(() => {});
  const react = (article, reactionId) =>
    graphql('CometUFIFeedbackReactMutation', {
      input: {
        attribution_id_v2: 'CometHomeRoot.react,comet.home,tap_tabbar,1,1,,',
        feedback_id: feedbackId(article),
        feedback_reaction_id: reactionId,
        feedback_source: 'NEWS_FEED',
        is_tracking_encrypted: true,
        tracking: [],
        session_id: 'emulated',
        actor_id: '100000000000001',
        client_mutation_id: '1',
      },
      useDefaultActor: false,
    });
  const current = new Map();
  const layers = document.getElementById('layers');
  const buttons = (article) => [...article.querySelectorAll('.toolbar > [role="button"]')];

  document.addEventListener('mouseover', (e) => {
    const el = e.target instanceof Element ? e.target : null;
    const article = el?.closest('[role="article"]');
    if (!article || el.closest('[role="button"]') !== buttons(article)[0] || layers.querySelector('#reactions')) return;
    layers.innerHTML = `<div id="reactions" role="dialog">${REACTIONS.map((id) => `<div role="button" tabindex="0" data-reaction="${id}"><img alt="" src="data:,"></div>`).join('')}</div>`;
  });
  const tagPhoto = (fbid, option) =>
    fetch('/ajax/photo_tagging_ajax.php?av=100000000000001', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        fbid,
        id: '100000000000001',
        subject: option.getAttribute('data-uid'),
        name: option.textContent.trim(),
        action: 'add',
        x: '42.5',
        y: '31.2',
        source: 'comet_photo_viewer',
        fb_dtsg: 'NAc-placeholder',
        __user: '100000000000001',
        __a: '1',
      }),
    }).catch(() => {});
  document.addEventListener('click', (e) => {
    const el = e.target instanceof Element ? e.target : null;
    const photo = el?.closest('a[href*="/photo/?fbid="]');
    if (photo) {
      e.preventDefault();
      const fbid = new URL(photo.href).searchParams.get('fbid');
      layers.innerHTML = `<div id="tagger" role="dialog" data-fbid="${fbid}"><input role="combobox" aria-expanded="true"><ul role="listbox"><li role="option" tabindex="-1" data-uid="100000000000042">A Friend</li></ul></div>`;
      return;
    }
    const option = el?.closest('#tagger [role="option"]');
    if (option) {
      const fbid = option.closest('#tagger').getAttribute('data-fbid');
      layers.innerHTML = '';
      tagPhoto(fbid, option);
      return;
    }
    const button = el?.closest('[role="button"]');
    if (!button) return;
    const article = button.closest('[role="article"]') ?? document.querySelector('[role="article"]');
    const picked = button.getAttribute('data-reaction');
    if (picked) {
      layers.innerHTML = '';
      current.set(article, picked);
      react(article, picked);
      return;
    }
    if (button.id === 'share-now') {
      layers.innerHTML = '';
      const post = /\/posts\/(\d+)/.exec(article.querySelector('a[href*="/posts/"]').getAttribute('href'))[1];
      graphql('useCometFeedToFeedReshare_FeedToFeedMutation', {
        input: {
          attachments: { link: { share_scrape_data: JSON.stringify({ share_type: 22, share_params: [post] }) } },
          audiences: {
            undirected: { privacy: { allow: [], base_state: 'EVERYONE', deny: [], tag_expansion_state: 'UNSPECIFIED' } },
          },
          is_tracking_encrypted: true,
          navigation_data: { attribution_id_v2: 'CometHomeRoot.react,comet.home,via_cold_start,1,1,,' },
          source: 'www',
          actor_id: '100000000000001',
          client_mutation_id: '2',
        },
      });
      return;
    }
    const [like, , share] = buttons(article);
    if (button === like) {
      const on = current.get(article);
      current.set(article, on ? null : REACTIONS[0]);
      react(article, on ? '0' : REACTIONS[0]);
    } else if (button === share) {
      layers.innerHTML = '<div role="dialog"><div role="button" tabindex="0" id="share-now"><span>↗</span></div></div>';
    }
  });
  document.addEventListener('keydown', (e) => {
    const box = e.target instanceof Element ? e.target.closest('[role="textbox"][contenteditable="true"]') : null;
    if (!box || e.key !== 'Enter' || e.shiftKey) return;
    e.preventDefault();
    const text = box.textContent.trim();
    if (!text) return;
    const article = box.closest('[role="article"]');
    graphql('useCometUFICreateCommentMutation', {
      feedLocation: 'NEWS_FEED',
      feedbackSource: 1,
      groupID: null,
      input: {
        client_mutation_id: '3',
        actor_id: '100000000000001',
        attachments: null,
        feedback_id: feedbackId(article),
        formatting_style: null,
        message: { ranges: [], text },
        is_tracking_encrypted: true,
        tracking: [],
        feedback_source: 'NEWS_FEED',
        idempotence_token: 'client:emulated',
        session_id: 'emulated',
      },
      scale: 1,
      useDefaultActor: false,
    }).then(() => {
      box.innerHTML = '<p><br></p>';
    });
  });
})();
