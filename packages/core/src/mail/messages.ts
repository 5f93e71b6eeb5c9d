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
