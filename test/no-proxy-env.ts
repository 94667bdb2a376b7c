// Every test file starts without the machine's proxy settings: the actions' code reads them from process.env,
// and the test bed's endpoints are local. Tests about proxies set them explicitly.
for (const name of ['http_proxy', 'https_proxy', 'no_proxy']) {
  delete process.env[name];
  delete process.env[name.toUpperCase()];
}
