// A local OpenAI-compatible chat-completions server for tests: it answers from a script of replies and records
// every request, so the LLM path is exercised over real HTTP without any hosted service.
import http from "node:http";
import type { AddressInfo } from "node:net";

export type ScriptedReply =
  | { toolCalls: { name: string; arguments: string }[] }
  | { text: string }
  | { status: number; body: string };

export async function startFakeOpenAI(script: ScriptedReply[]) {
  const requests: any[] = [];
  let turn = 0;
  const server = http.createServer(async (req, res) => {
    let raw = "";
    for await (const chunk of req) raw += chunk;
    const body = JSON.parse(raw || "{}");
    requests.push({ path: req.url, headers: req.headers, body });
    const reply = script[Math.min(turn++, script.length - 1)]!;
    if ("status" in reply) {
      res.writeHead(reply.status, { "content-type": "application/json" }).end(reply.body);
      return;
    }
    const message =
      "toolCalls" in reply
        ? {
            role: "assistant",
            content: null,
            tool_calls: reply.toolCalls.map((c, i) => ({
              id: `call_${turn}_${i}`,
              type: "function",
              function: { name: c.name, arguments: c.arguments },
            })),
          }
        : { role: "assistant", content: reply.text };
    res.writeHead(200, { "content-type": "application/json" }).end(
      JSON.stringify({
        id: `chatcmpl-${turn}`,
        object: "chat.completion",
        created: Math.floor(Date.now() / 1000),
        model: body.model,
        choices: [{ index: 0, message, finish_reason: "toolCalls" in reply ? "tool_calls" : "stop" }],
        usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
