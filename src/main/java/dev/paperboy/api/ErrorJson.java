package dev.paperboy.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Every error of the JSON endpoints: the HTTP status again and a sentence for a person. */
@JsonPropertyOrder({"status", "error"})
public record ErrorJson(@JsonProperty("status") int status, @JsonProperty("error") String error) {}
