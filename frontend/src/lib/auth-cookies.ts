// The names Better Auth gives its session cookie (with the __Secure- prefix over HTTPS).
export const SESSION_COOKIES = ["better-auth.session_token", "__Secure-better-auth.session_token"];
