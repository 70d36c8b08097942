// The abuse burst of the bad-input suite, in a process of its own (other callers, another event
// loop, so the suite's latency probe times the gateway and not this client). Started with fork():
// receives { url, tokens: { huge, deep }, workers, atLeast, atMost } as its first message, says
// { started: true } once its first answer came back, sends requests until told 'stop' (and at
// least `atLeast`, at most `atMost`), then sends { answers: [{ status, contentType, text }] }.

/** Built once: each body is as costly to send again as to build. */
function abuses(url, tokens) {
  const post = (body, authorization) => ({
    url,
    init: { method: 'POST', headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) }, body },
  });
  const operation = (query) => JSON.stringify({ query });
  return [
    // ~880 KB: 80,000 repeated fields (the parser stops at the token limit)
    post(operation(`{ unit(code: "720") { ${'__typename '.repeat(80_000)}} }`), `Bearer ${tokens.huge}`),
    // depth 32 of children
    post(operation(`{ unit(code: "720") { ${'children { '.repeat(32)}code${' }'.repeat(32)} } }`), `Bearer ${tokens.deep}`),
    // 2,000 aliases
    post(operation(`{ ${Array.from({ length: 2000 }, (_, i) => `a${i}: unit(code: "720") { code }`).join(' ')} }`), `Bearer ${tokens.huge}`),
    // a body cut short
    post('{"query": "{ unit(code: \\"720\\") { name ', `Bearer ${tokens.deep}`),
    // a token re-sent unsigned
    post(operation('{ __typename }'), 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.'),
  ];
}

async function burst({ url, tokens, workers, atLeast, atMost }, stopped, started) {
  const requests = abuses(url, tokens);
  const answers = [];
  let sent = 0;
  const worker = async () => {
    while ((sent < atLeast || !stopped()) && sent < atMost) {
      const { init } = requests[sent % requests.length];
      sent += 1;
      try {
        const response = await fetch(url, init);
        answers.push({ status: response.status, contentType: response.headers.get('content-type'), text: await response.text() });
        if (answers.length === 1) started();
      } catch (error) {
        answers.push({ status: 0, contentType: null, text: `no answer: ${error.message}` });
      }
    }
  };
  await Promise.all(Array.from({ length: workers }, worker));
  return answers;
}

let stop = false;
process.on('message', (message) => {
  if (message === 'stop') {
    stop = true;
    return;
  }
  const stopped = () => stop;
  const started = () => process.send({ started: true });
  burst(message, stopped, started).then((answers) => process.send({ answers }, () => process.exit(0)));
});
