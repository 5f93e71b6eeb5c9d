// The text of every email the app sends, plain text and HTML side by side. User-supplied values are escaped.

export interface Rendered {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

function page(paragraphs: string[], link?: { href: string; label: string }): string {
  const body = paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n");
  const button = link ? `\n<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a></p>` : "";
  return `<!doctype html>\n<html><body style="font-family: sans-serif; line-height: 1.5">\n${body}${button}\n</body></html>\n`;
}

/** Someone tried to create an account with an address that already has one (sign-up does not tell them). */
export function existingAccountSignUp(options: { email: string; appUrl: string }): Rendered {
  const signIn = new URL("/sign-in", options.appUrl).toString();
  const lines = [
    `Someone tried to create a todo-app account with your address (${options.email}), which already has one.`,
    "If it was you, sign in with your password instead. If it was not, you can ignore this message: nothing changed and nobody got into your account.",
  ];
  return {
    subject: "Someone tried to sign up with your email",
    text: `${lines.join("\n\n")}\n\nSign in: ${signIn}\n`,
    html: page(lines, { href: signIn, label: "Sign in" }),
  };
}

/** Better Auth's password reset: a link to the frontend's reset page, valid for an hour. */
export function passwordReset(options: { name: string; url: string }): Rendered {
  const lines = [
    `Hello ${options.name},`,
    "Someone (hopefully you) asked to reset the password of your todo-app account. Open the link below within an hour to choose a new one; it works once.",
    "If you did not ask for this, ignore this message: your password stays as it is.",
  ];
  return {
    subject: "Reset your todo-app password",
    text: `${lines.join("\n\n")}\n\nReset your password: ${options.url}\n`,
    html: page(lines, { href: options.url, label: "Reset your password" }),
  };
}

/** Better Auth's email verification (sign-up, or the new address of a change of email). */
export function emailVerification(options: { name: string; email: string; url: string }): Rendered {
  const lines = [
    `Hello ${options.name},`,
    `Open the link below to confirm that ${options.email} is your address for todo-app.`,
    "If you did not create an account or change your email, ignore this message.",
  ];
  return {
    subject: "Confirm your email for todo-app",
    text: `${lines.join("\n\n")}\n\nConfirm your email: ${options.url}\n`,
    html: page(lines, { href: options.url, label: "Confirm your email" }),
  };
}

/** An admin invited this address (SIGNUP=invite). */
export function invitation(options: { email: string; appUrl: string }): Rendered {
  const signUp = new URL(`/sign-up?email=${encodeURIComponent(options.email)}`, options.appUrl).toString();
  const lines = [`You are invited to create a todo-app account with ${options.email}.`];
  return {
    subject: "You are invited to todo-app",
    text: `${lines.join("\n\n")}\n\nCreate your account: ${signUp}\n`,
    html: page(lines, { href: signUp, label: "Create your account" }),
  };
}
