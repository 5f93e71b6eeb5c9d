// How a message starts decides which rules may read it: a question head (never a new task, never "task 3 is …")
// and an add head ("add", "remind me", "I need to", "new task:").

export const QUESTION_HEAD =
  /^(?:what|what's|whats|which|how|anything|any|do\s+i|did\s+i|have\s+i|am\s+i|are\s+there|is\s+there|show|list|display|view|see|give|get|find|search|tell|look|where|when)(?![\p{L}])/iu;

export const ADD_HEAD =
  /^(?:add(?![\p{L}])|jot\s+down|note\s+down|remind\s+me|set\s+(?:a|me\s+a)\s+reminder|remember|don'?t\s+forget|do\s+not\s+forget|never\s+forget|note\s+to\s+self|memo|(?:i|we)(?:'ve|'d|\s+have|\s+will|'ll)?\s+(?:really\s+|still\s+|also\s+|definitely\s+)?(?:(?:need|have|got|want|ought|plan|am\s+going|'m\s+going)\s+to|must|should|gotta|wanna|gonna)|(?:need|have|got)\s+to|(?:new\s+)?(?:task|todo|to-do|reminder)\s*[:-]|(?:create|make|set\s+up|new|put|insert|log|record|write\s+down|schedule|open|start)\s+(?:(?:an?|the|another|one)\s+)?(?:new\s+)?(?:task|todo|to-do|item|reminder|entry|note)s?(?![\p{L}])(?!\s*(?:#|no\.?\s*|number\s+)?\d)|(?:put|pop|stick|write|jot|throw)\s+(?=.*\s(?:on|to|onto|in)\s+(?:my|the|our)\s+(?:[\p{L}-]+\s+)?list(?![\p{L}])))/iu;
