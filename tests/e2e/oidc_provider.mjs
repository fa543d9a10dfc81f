// A real OpenID provider for the SSO end-to-end tests (oidc-provider 8, devInteractions).
// Usage: node oidc_provider.mjs '<json config>'
//   { "port": 0, "issuer": "http://127.0.0.1:PORT", "clients": [{client_id, client_secret,
//     redirect_uris}], "idTokenTtl": 3600, "clockOffsetSeconds": 0 }
// Any login name is an account: sub = the login, email = the login (verified).
// Prints "oidc-provider: listening on PORT" once it accepts connections.
const config = JSON.parse(process.argv[2] || '{}');

// A provider whose clock runs behind (negative offset) issues tokens that are already
// expired by the relying party's clock: the "expired ID token" scenario.
if (config.clockOffsetSeconds) {
  const realNow = Date.now;
  Date.now = () => realNow() + config.clockOffsetSeconds * 1000;
}

const { default: Provider } = await import('oidc-provider');

const provider = new Provider(config.issuer, {
  clients: config.clients.map((c) => ({
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
    ...c,
  })),
  pkce: { methods: ['S256'], required: () => true },
  features: { devInteractions: { enabled: true } },
  // The ID token carries the scope's claims (email), as most municipal IdPs do.
  conformIdTokenClaims: false,
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  ttl: { IdToken: config.idTokenTtl || 3600, AccessToken: 600, AuthorizationCode: 600 },
  async findAccount(ctx, id) {
    return {
      accountId: id,
      async claims() {
        return { sub: id, email: id, email_verified: true, name: `Test ${id}` };
      },
    };
  },
});
provider.on('server_error', (ctx, err) => console.error('oidc-provider server_error', err));

const server = provider.listen(config.port || 0, '127.0.0.1', () => {
  console.log(`oidc-provider: listening on ${server.address().port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
