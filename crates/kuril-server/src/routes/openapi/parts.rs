//! Small constructors for the pieces of the document (openapiv3's types spelled out take many lines each):
//! schemas, parameters, responses and operations.

use openapiv3::{
    ArrayType, Header, HeaderStyle, IntegerType, MediaType, NumberType, ObjectType, Operation, Parameter,
    ParameterData, ParameterSchemaOrContent, PathItem, PathStyle, QueryStyle, ReferenceOr, Response, Responses, Schema,
    SchemaData, SchemaKind, StatusCode, StringFormat, StringType, Type, VariantOrUnknownOrEmpty,
};

use crate::media::JSON;

/// `#/components/schemas/{name}`.
pub fn schema_ref(name: &str) -> ReferenceOr<Schema> {
    ReferenceOr::ref_(&format!("#/components/schemas/{name}"))
}

/// `#/components/parameters/{name}`.
pub fn param_ref(name: &str) -> ReferenceOr<Parameter> {
    ReferenceOr::ref_(&format!("#/components/parameters/{name}"))
}

fn of_type(t: Type) -> Schema {
    Schema {
        schema_data: SchemaData::default(),
        schema_kind: SchemaKind::Type(t),
    }
}

pub fn string() -> Schema {
    of_type(Type::String(StringType::default()))
}

pub fn string_enum<S: Into<String>>(values: impl IntoIterator<Item = S>) -> Schema {
    of_type(Type::String(StringType {
        enumeration: values.into_iter().map(|v| Some(v.into())).collect(),
        ..StringType::default()
    }))
}

pub fn string_pattern(pattern: impl Into<String>) -> Schema {
    of_type(Type::String(StringType {
        pattern: Some(pattern.into()),
        ..StringType::default()
    }))
}

fn string_format(format: StringFormat) -> Schema {
    of_type(Type::String(StringType {
        format: VariantOrUnknownOrEmpty::Item(format),
        ..StringType::default()
    }))
}

/// A file's bytes (images, tiles, downloads).
pub fn binary() -> Schema {
    string_format(StringFormat::Binary)
}

pub fn date_time() -> Schema {
    string_format(StringFormat::DateTime)
}

pub fn integer(minimum: Option<i64>, maximum: Option<i64>) -> Schema {
    of_type(Type::Integer(IntegerType {
        minimum,
        maximum,
        ..IntegerType::default()
    }))
}

pub fn number(minimum: Option<f64>, maximum: Option<f64>) -> Schema {
    of_type(Type::Number(NumberType {
        minimum,
        maximum,
        ..NumberType::default()
    }))
}

/// Any JSON object.
pub fn object() -> Schema {
    of_type(Type::Object(ObjectType::default()))
}

/// An object with these required and these described properties.
pub fn object_of(required: &[&str], properties: Vec<(&str, ReferenceOr<Schema>)>) -> Schema {
    of_type(Type::Object(ObjectType {
        required: required.iter().map(|r| r.to_string()).collect(),
        properties: properties
            .into_iter()
            .map(|(name, s)| (name.to_string(), boxed(s)))
            .collect(),
        ..ObjectType::default()
    }))
}

pub fn array(items: ReferenceOr<Schema>) -> Schema {
    sized_array(items, None, None)
}

pub fn sized_array(items: ReferenceOr<Schema>, min_items: Option<usize>, max_items: Option<usize>) -> Schema {
    of_type(Type::Array(ArrayType {
        items: Some(boxed(items)),
        min_items,
        max_items,
        unique_items: false,
    }))
}

pub fn one_of(schemas: Vec<Schema>) -> Schema {
    Schema {
        schema_data: SchemaData::default(),
        schema_kind: SchemaKind::OneOf {
            one_of: schemas.into_iter().map(ReferenceOr::Item).collect(),
        },
    }
}

pub fn with_example(mut s: Schema, example: &str) -> Schema {
    s.schema_data.example = Some(example.into());
    s
}

pub fn with_default(mut s: Schema, default: impl Into<serde_json::Value>) -> Schema {
    s.schema_data.default = Some(default.into());
    s
}

pub fn nullable(mut s: Schema) -> Schema {
    s.schema_data.nullable = true;
    s
}

pub fn item(s: Schema) -> ReferenceOr<Schema> {
    ReferenceOr::Item(s)
}

fn boxed(s: ReferenceOr<Schema>) -> ReferenceOr<Box<Schema>> {
    match s {
        ReferenceOr::Item(s) => ReferenceOr::Item(Box::new(s)),
        ReferenceOr::Reference { reference } => ReferenceOr::Reference { reference },
    }
}

fn data(name: &str, description: Option<&str>, required: bool, schema: Schema) -> ParameterData {
    ParameterData {
        name: name.to_string(),
        description: description.map(str::to_string),
        required,
        deprecated: None,
        format: ParameterSchemaOrContent::Schema(ReferenceOr::Item(schema)),
        example: None,
        examples: Default::default(),
        explode: None,
        extensions: Default::default(),
    }
}

/// An optional query parameter.
pub fn query(name: &str, description: &str, schema: Schema) -> Parameter {
    query_param(data(name, Some(description), false, schema))
}

/// A query parameter that must be given.
pub fn required_query(name: &str, description: &str, schema: Schema) -> Parameter {
    query_param(data(name, Some(description), true, schema))
}

/// An optional query parameter whose values are never lists (`explode: false`; OGC API's own parameters).
pub fn unexploded_query(name: &str, description: &str, schema: Schema) -> Parameter {
    let mut d = data(name, Some(description), false, schema);
    d.explode = Some(false);
    query_param(d)
}

fn query_param(parameter_data: ParameterData) -> Parameter {
    Parameter::Query {
        parameter_data,
        allow_reserved: false,
        style: QueryStyle::Form,
        allow_empty_value: None,
    }
}

/// A path parameter (always required).
pub fn path(name: &str, description: Option<&str>, schema: Schema) -> Parameter {
    Parameter::Path {
        parameter_data: data(name, description, true, schema),
        style: PathStyle::Simple,
    }
}

/// A response with a body of one media type.
pub fn body(description: &str, media_type: &str, schema: ReferenceOr<Schema>) -> Response {
    Response {
        description: description.to_string(),
        content: [(media_type.to_string(), media(schema))].into_iter().collect(),
        ..Response::default()
    }
}

pub fn media(schema: ReferenceOr<Schema>) -> MediaType {
    MediaType {
        schema: Some(schema),
        ..MediaType::default()
    }
}

/// A response without a body.
pub fn empty(description: &str) -> Response {
    Response {
        description: description.to_string(),
        ..Response::default()
    }
}

/// The one error body of the service (`error.rs`).
pub fn error(description: &str) -> Response {
    body(description, JSON, schema_ref("error"))
}

pub fn not_modified() -> Response {
    empty("Not modified (If-None-Match)")
}

/// A response header carrying a string.
pub fn header(description: Option<&str>) -> ReferenceOr<Header> {
    ReferenceOr::Item(Header {
        description: description.map(str::to_string),
        style: HeaderStyle::Simple,
        required: false,
        deprecated: None,
        format: ParameterSchemaOrContent::Schema(ReferenceOr::Item(string())),
        example: None,
        examples: Default::default(),
        extensions: Default::default(),
    })
}

pub fn responses(list: Vec<(u16, Response)>) -> Responses {
    Responses {
        responses: list
            .into_iter()
            .map(|(code, r)| (StatusCode::Code(code), ReferenceOr::Item(r)))
            .collect(),
        ..Responses::default()
    }
}

/// A GET operation.
pub fn operation(tag: &str, id: &str, summary: &str, parameters: Vec<Parameter>, responses: Responses) -> Operation {
    Operation {
        tags: vec![tag.to_string()],
        summary: Some(summary.to_string()),
        operation_id: Some(id.to_string()),
        parameters: parameters.into_iter().map(ReferenceOr::Item).collect(),
        responses,
        ..Operation::default()
    }
}

/// A path with only a GET operation.
pub fn get(op: Operation) -> PathItem {
    PathItem {
        get: Some(op),
        ..PathItem::default()
    }
}
