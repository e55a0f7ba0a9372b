//! Just enough JSON to read custcadence-abi.json in the tests (no crates).

#[derive(Debug, Clone)]
#[allow(dead_code)] // a bool's value is parsed but no test reads one
pub enum Json {
    Null,
    Bool(bool),
    Num(f64),
    Str(String),
    Arr(Vec<Json>),
    Obj(Vec<(String, Json)>),
}

impl Json {
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Obj(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }
    pub fn items(&self) -> &[Json] {
        match self {
            Json::Arr(v) => v,
            _ => &[],
        }
    }
    pub fn str(&self) -> &str {
        match self {
            Json::Str(s) => s,
            _ => "",
        }
    }
    pub fn num(&self) -> i64 {
        match self {
            Json::Num(n) => *n as i64,
            _ => i64::MIN,
        }
    }
}

pub fn parse(text: &str) -> Result<Json, String> {
    let bytes = text.as_bytes();
    let mut at = 0;
    let value = value(bytes, &mut at)?;
    skip(bytes, &mut at);
    if at != bytes.len() {
        return Err(format!("trailing text at byte {at}"));
    }
    Ok(value)
}

fn skip(b: &[u8], at: &mut usize) {
    while *at < b.len() && b[*at].is_ascii_whitespace() {
        *at += 1;
    }
}

fn expect(b: &[u8], at: &mut usize, c: u8) -> Result<(), String> {
    skip(b, at);
    if b.get(*at) != Some(&c) {
        return Err(format!("expected '{}' at byte {}", c as char, at));
    }
    *at += 1;
    Ok(())
}

fn value(b: &[u8], at: &mut usize) -> Result<Json, String> {
    skip(b, at);
    match b.get(*at) {
        Some(b'{') => {
            *at += 1;
            let mut members = Vec::new();
            skip(b, at);
            if b.get(*at) == Some(&b'}') {
                *at += 1;
                return Ok(Json::Obj(members));
            }
            loop {
                skip(b, at);
                let key = string(b, at)?;
                expect(b, at, b':')?;
                members.push((key, value(b, at)?));
                skip(b, at);
                match b.get(*at) {
                    Some(b',') => *at += 1,
                    Some(b'}') => { *at += 1; return Ok(Json::Obj(members)); }
                    _ => return Err(format!("bad object at byte {at}")),
                }
            }
        }
        Some(b'[') => {
            *at += 1;
            let mut items = Vec::new();
            skip(b, at);
            if b.get(*at) == Some(&b']') {
                *at += 1;
                return Ok(Json::Arr(items));
            }
            loop {
                items.push(value(b, at)?);
                skip(b, at);
                match b.get(*at) {
                    Some(b',') => *at += 1,
                    Some(b']') => { *at += 1; return Ok(Json::Arr(items)); }
                    _ => return Err(format!("bad array at byte {at}")),
                }
            }
        }
        Some(b'"') => Ok(Json::Str(string(b, at)?)),
        _ => {
            let start = *at;
            while *at < b.len() && !b",]} \n\t\r".contains(&b[*at]) {
                *at += 1;
            }
            match &b[start..*at] {
                b"null" => Ok(Json::Null),
                b"true" => Ok(Json::Bool(true)),
                b"false" => Ok(Json::Bool(false)),
                t => std::str::from_utf8(t).ok().and_then(|s| s.parse().ok()).map(Json::Num)
                    .ok_or_else(|| format!("bad value at byte {start}")),
            }
        }
    }
}

fn string(b: &[u8], at: &mut usize) -> Result<String, String> {
    expect(b, at, b'"')?;
    let mut out = Vec::new();
    while let Some(&c) = b.get(*at) {
        *at += 1;
        match c {
            b'"' => return String::from_utf8(out).map_err(|e| e.to_string()),
            b'\\' => {
                let e = *b.get(*at).ok_or("unterminated escape")?;
                *at += 1;
                match e {
                    b'n' => out.push(b'\n'),
                    b't' => out.push(b'\t'),
                    b'u' => {
                        let hex = std::str::from_utf8(&b[*at..*at + 4]).map_err(|e| e.to_string())?;
                        let code = u32::from_str_radix(hex, 16).map_err(|e| e.to_string())?;
                        *at += 4;
                        let ch = char::from_u32(code).unwrap_or('?');
                        out.extend_from_slice(ch.to_string().as_bytes());
                    }
                    other => out.push(other),
                }
            }
            _ => out.push(c),
        }
    }
    Err("unterminated string".to_string())
}
