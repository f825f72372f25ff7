/* Token Console: initialises Link for one user token and reports every callback.
   All values come from the JSON block #link-config; none is ever written into code or markup. */
(function () {
  'use strict';
  var config = JSON.parse(document.getElementById('link-config').textContent);
  var host = config.host || null;
  var statusLine = document.getElementById('status');
  var timeline = document.getElementById('timeline');
  var openButton = document.getElementById('open-link');
  var link = null;

  document.getElementById('user').textContent = 'User ' + (config.userId || '(unknown)');

  function status(text) {
    statusLine.textContent = text;
  }

  function show(name, payload) {
    var item = document.createElement('li');
    var time = new Date().toISOString().substring(11, 23);
    item.textContent = time + '  ' + name + (payload === undefined || payload === null ? '' : '  ' + JSON.stringify(payload));
    timeline.appendChild(item);
  }

  function post(url, body) {
    return fetch(url, {
      method: 'POST',
      cache: 'no-store',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-Link-Nonce': host.nonce },
      body: JSON.stringify(body)
    });
  }

  /* Reports go one after another, so the console sees callbacks in the order Link fired them. */
  var reports = Promise.resolve();

  function report(name, payload) {
    show(name, payload);
    if (!host) { return; }
    var event = { name: name, at: new Date().toISOString(), payload: payload === undefined ? null : payload };
    reports = reports.then(function () {
      return post(host.events, event).then(function (answer) {
        if (answer.status === 404) { status('This Link session has ended in the console. Open Link again from Token Console.'); }
      });
    }).catch(function () { status('The console no longer answers: this Link session has ended.'); });
  }

  function reporter(name) {
    return function (payload) {
      report(name, payload);
      if (name === 'onClose') {
        status('Link was closed. Open it again with the button.');
        openButton.disabled = false;
      }
      if (name === 'onAccountConnected') {
        status('Account connected.');
      }
    };
  }

  function onTokenExpired(updateToken) {
    report('onTokenExpired', null);
    if (!host) {
      status('The token in this saved page has expired. Make a new page in Token Console: every Link needs a new token.');
      return;
    }
    status('The user token expired: asking the console for a new one\u2026');
    reports.then(function () { return post(host.token, {}); })
      .then(function (answer) {
        if (!answer.ok) { throw new Error('the console answered ' + answer.status); }
        return answer.json();
      })
      .then(function (fresh) {
        updateToken(fresh.userToken);
        status('Link carries on with a new token from the console.');
      })
      .catch(function (failure) {
        status('No new token: ' + failure.message + '. Link will report the expired token.');
      });
  }

  function linkConfig() {
    var settings = {
      userToken: config.link.userToken,
      sandbox: config.link.sandbox,
      onAccountCreated: reporter('onAccountCreated'),
      onAccountConnected: reporter('onAccountConnected'),
      onAccountError: reporter('onAccountError'),
      onAccountRemoved: reporter('onAccountRemoved'),
      onError: reporter('onError'),
      onClose: reporter('onClose'),
      onUIEvent: reporter('onUIEvent'),
      onCantFindItemClicked: reporter('onCantFindItemClicked'),
      onTokenExpired: onTokenExpired
    };
    if (config.link.flowId) { settings.flowId = config.link.flowId; }
    if (config.link.items) { settings.items = config.link.items; }
    if (config.link.linkKey) { settings.linkKey = config.link.linkKey; }
    return settings;
  }

  function openLink() {
    openButton.disabled = true;
    status('Link is open.');
    link.open();
  }

  function scriptFailed(reason) {
    status('The Link script could not load (' + reason + '): ' + config.scriptUrl
      + '. Check the network or proxy, then reload this page.');
    report('scriptLoadFailed', { scriptUrl: config.scriptUrl, reason: reason });
  }

  function start() {
    if (!window.Argyle || typeof window.Argyle.create !== 'function') {
      scriptFailed('it loaded but defines no Argyle.create');
      return;
    }
    link = window.Argyle.create(linkConfig());
    openButton.addEventListener('click', openLink);
    openLink();
  }

  var script = document.createElement('script');
  var settled = false;
  var timer = setTimeout(function () {
    if (!settled) { settled = true; scriptFailed('no answer within 20 seconds'); }
  }, 20000);
  script.src = config.scriptUrl;
  script.onload = function () { if (!settled) { settled = true; clearTimeout(timer); start(); } };
  script.onerror = function () { if (!settled) { settled = true; clearTimeout(timer); scriptFailed('blocked or offline'); } };
  document.head.appendChild(script);
}());
