// Small talk (greetings, thanks, help, goodbye): whole messages only, so "hi, add milk" is still a request.
import { collapseSpaces, findClosestWord } from "../words";
import type { SmalltalkTopic } from "./types";

const SMALLTALK: [SmalltalkTopic, RegExp][] = [
  [
    "greeting",
    /^(?:hi|hello|hey|heya|hiya|howdy|yo|hallo|hola|greetings|sup|what'?s\s+up|good\s+(?:morning|afternoon|evening|day)|morning|hi\s+there|hey\s+there|hello\s+there|how\s+are\s+you(?:\s+doing)?(?:\s+today)?|how'?s\s+it\s+going)(?:\s+(?:there|assistant|bot|buddy|friend|again|you))?$/,
  ],
  [
    "thanks",
    /^(?:(?:ok(?:ay)?|great|perfect|awesome|cool|nice|excellent|super|wonderful|brilliant|lovely|sweet|got\s+it|you(?:'re|\s+are)\s+(?:awesome|great|the\s+best|amazing|a\s+star|brilliant|a\s+lifesaver))[,\s]*)*(?:thanks?(?:\s+(?:a\s+lot|so\s+much|a\s+bunch|again|very\s+much|mate|buddy|man))*|thank\s+you(?:\s+(?:so|very)\s+much)?(?:\s+again)?|thx|thnx|ty|tysm|cheers|much\s+appreciated|appreciate\s+it|i\s+appreciate\s+it|great|perfect|awesome|cool|nice|excellent|got\s+it|ok(?:ay)?|sounds\s+good|good\s+job|well\s+done|nice\s+one)$/,
  ],
  [
    "help",
    /^(?:help(?:\s+me)?|what\s+(?:can|do)\s+you\s+do|what\s+are\s+you\s+able\s+to\s+do|what\s+can\s+i\s+(?:say|ask|do|type)(?:\s+you)?|what\s+should\s+i\s+say|how\s+(?:do|does)\s+(?:this|it|you)\s+work|how\s+do\s+i\s+use\s+(?:this|you|it)|how\s+can\s+you\s+help(?:\s+me)?|who\s+are\s+you|what\s+are\s+you|commands|instructions|usage|menu|options|what\s+do\s+you\s+understand|\?+|i\s+need\s+help|can\s+you\s+help(?:\s+me)?)$/,
  ],
  [
    "bye",
    /^(?:bye(?:\s+bye)?|goodbye|good\s+bye|see\s+(?:you|ya)(?:\s+later|\s+soon)?|cya|later|good\s*night|farewell|that'?s\s+all(?:\s+for\s+now)?|that\s+is\s+all|nothing\s+else|i'?m\s+done\s+for\s+(?:today|now)|exit|quit|ciao|take\s+care)$/,
  ],
];
const SMALLTALK_WORDS = ["hello", "thanks", "thank", "goodbye", "help", "cheers", "howdy"];

export function readSmalltalk(raw: string): SmalltalkTopic | null {
  let text = raw
    .toLowerCase()
    .replace(/[’]/g, "'")
    .replace(/[!.,…:;)(]+|[\u{1F300}-\u{1FAFF}\u{2600}-\u{27BF}]/gu, " ");
  text = collapseSpaces(text.replace(/\?+$/, (q) => (text.trim() === q ? q : "")));
  text = text.replace(/^(?:oh|ah|well|so|and|please)\s+/, "").replace(/\s+(?:please|again|assistant|bot)$/, "");
  for (const [topic, pattern] of SMALLTALK) if (pattern.test(text)) return topic;
  // One or two words with a typo ("thnaks", "helo").
  const words = text.split(" ");
  if (words.length <= 2 && words[0]) {
    const word = findClosestWord(words[0], SMALLTALK_WORDS);
    if (word === "hello" || word === "howdy") return "greeting";
    if (word === "thanks" || word === "thank" || word === "cheers") return "thanks";
    if (word === "goodbye") return "bye";
    if (word === "help" && words.length === 1) return "help";
  }
  return null;
}
