// Simplified Chinese for the validation messages of our zod schemas, looked up by the English
// sentence so each schema keeps one readable message in place.
export const VALIDATION_MESSAGES_ZH: Record<string, string> = {
  "A course code has only letters and digits.": "课程码只包含字母和数字。",
  "A course code is at most 32 characters.": "课程码最多 32 个字符。",
  "Code is required.": "请提供代码。",
  "Email is required.": "请输入邮箱。",
  "Email is too long.": "邮箱太长。",
  "Enter a valid email address.": "请输入有效的邮箱地址。",
  "Enter the course code.": "请输入课程码。",
  "Name is at most 100 characters.": "姓名最多 100 个字符。",
  "Name is required.": "请输入姓名。",
  "Password is required.": "请输入密码。",
  "Password must be at least 8 characters.": "密码至少 8 个字符。",
  "Password must be at most 128 characters.": "密码最多 128 个字符。",
  "Unknown exercise.": "没有这个练习。",
  "Your code contains binary or non-text characters. Paste plain Python source.": "你的代码包含二进制或非文本字符，请粘贴纯 Python 源代码。",
  "Your code is empty. Write your function first.": "你的代码是空的，请先写出你的函数。",
  "Your code is larger than 64 KB.": "你的代码超过 64 KB。",
  "Your code is larger than 64 KB. Remove data or unused code and try again.": "你的代码超过 64 KB，请删除数据或无用代码后重试。",
};
