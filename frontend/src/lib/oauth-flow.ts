// The steps of an OAuth authorization that pass through our pages (sign-in, consent): shared by the auth and the
// connected-apps features, so it lives here rather than in either.

/** Better Auth answers a fetch of an OAuth step with where the browser goes next. */
export interface NextStep {
  redirect?: boolean;
  url?: string;
  redirect_uri?: string;
}

export function nextUrl(step: NextStep | null | undefined): string | undefined {
  return step?.url ?? step?.redirect_uri;
}

/**
 * The signed OAuth query of the page, when it is a step of an authorization (Better Auth signs the parameters it
 * sends to the sign-in and consent pages; `sig` marks them). Sent back as `oauth_query` so the flow continues.
 */
export function oauthQueryFrom(search: string): string | undefined {
  const params = new URLSearchParams(search);
  return params.has("sig") ? params.toString() : undefined;
}
