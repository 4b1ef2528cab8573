/** Fenced code blocks shared by every language; `{n}` becomes a number. */
export const CODE_BLOCKS: readonly string[] = [
  '```python\nimport csv\n\ndef read_rows(path):\n    with open(path, newline="") as f:\n        return list(csv.DictReader(f))\n\nrows = read_rows("data.csv")\nprint(len(rows), "rows loaded")\n```',
  '```python\ndef fibonacci(count):\n    a, b = 0, 1\n    result = []\n    for _ in range(count):\n        result.append(a)\n        a, b = b, a + b\n    return result\n\nprint(fibonacci({n}))\n```',
  '```javascript\nasync function fetchUsers() {\n  const response = await fetch("https://example.com/api/users");\n  if (!response.ok) throw new Error(`HTTP ${response.status}`);\n  return response.json();\n}\n\nfetchUsers().then((users) => console.log(users.length));\n```',
  '```javascript\nconst debounce = (fn, ms = {n}) => {\n  let timer;\n  return (...args) => {\n    clearTimeout(timer);\n    timer = setTimeout(() => fn(...args), ms);\n  };\n};\n```',
  '```typescript\ninterface Task {\n  id: number;\n  title: string;\n  done: boolean;\n}\n\nexport function pending(tasks: Task[]): Task[] {\n  return tasks.filter((t) => !t.done);\n}\n```',
  "```sql\nSELECT customer_id,\n       SUM(amount) AS total,\n       RANK() OVER (ORDER BY SUM(amount) DESC) AS position\nFROM orders\nWHERE order_date >= DATE '2023-01-01'\nGROUP BY customer_id\nLIMIT {n};\n```",
  '```sql\nCREATE TABLE products (\n  id INTEGER PRIMARY KEY,\n  name TEXT NOT NULL,\n  price NUMERIC(10, 2)\n);\n```',
  '```bash\n#!/usr/bin/env bash\nset -euo pipefail\nfor f in *.txt; do\n  wc -l "$f"\ndone | sort -n | tail -n {n}\n```',
  '```rust\nfn main() {\n    let words = vec!["apple", "banana", "cherry"];\n    let total: usize = words.iter().map(|w| w.len()).sum();\n    println!("total length: {}", total);\n}\n```',
  '```go\npackage main\n\nimport "fmt"\n\nfunc main() {\n\tfor i := 1; i <= {n}; i++ {\n\t\tfmt.Println(i * i)\n\t}\n}\n```',
  '```java\npublic class Hello {\n    public static void main(String[] args) {\n        System.out.println("Hello, world!");\n    }\n}\n```',
  '```cpp\n#include <iostream>\n#include <vector>\n\nint main() {\n    std::vector<int> v{3, 1, 2};\n    for (int x : v) std::cout << x << "\\n";\n    return 0;\n}\n```',
  '```html\n<!DOCTYPE html>\n<html>\n  <body>\n    <h1>Hello</h1>\n    <a href="https://example.com">Example link</a>\n  </body>\n</html>\n```',
  '```json\n{\n  "name": "demo",\n  "version": "1.0.{n}",\n  "private": true\n}\n```',
  '```yaml\nservices:\n  web:\n    image: nginx:latest\n    ports:\n      - "8080:80"\n```',
  '```python\nimport pandas as pd\n\ndf = pd.read_csv("sales.csv")\nsummary = df.groupby("region")["revenue"].sum().sort_values(ascending=False)\nprint(summary.head({n}))\n```',
];
