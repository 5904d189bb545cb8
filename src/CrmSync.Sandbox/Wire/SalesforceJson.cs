using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace CrmSync.Sandbox.Wire;

/// <summary>Bodies as Salesforce writes them: property names exactly as given, application/json;charset=UTF-8.</summary>
internal static class SalesforceJson
{
    public const string ContentType = "application/json;charset=UTF-8";

    public static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = null, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Salesforce does not escape '+' (in "+0000") or non-ASCII letters.</summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    public static IResult Json(object body, int status = StatusCodes.Status200OK) =>
        Results.Json(body, Options, ContentType, status);

    /// <summary>REST errors: an array of {message, errorCode[, fields]}.</summary>
    public static IResult Error(int status, string errorCode, string message, IReadOnlyList<string>? fields = null) =>
        Json(new[] { ErrorBody(errorCode, message, fields) }, status);

    public static object ErrorBody(string errorCode, string message, IReadOnlyList<string>? fields = null) =>
        fields is null ? new { message, errorCode } : new { message, errorCode, fields };

    public static IResult NotFound() => Error(StatusCodes.Status404NotFound, "NOT_FOUND", "The requested resource does not exist");

    /// <summary>A body streamed with a <see cref="Utf8JsonWriter"/> (record JSON needs exact number text).</summary>
    public static IResult Written(Action<Utf8JsonWriter> write, int status = StatusCodes.Status200OK)
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(writer);
        }
        return new BytesResult(buffer.WrittenMemory, ContentType, status);
    }

    /// <summary>
    /// A body written straight into the response pipe while <paramref name="gate"/> is held for reading:
    /// the pipe's pooled buffers replace a megabyte-sized array per page, which at a million rows
    /// would mean large-object churn and full collections.
    /// </summary>
    public static IResult Streamed(ReaderWriterLockSlim gate, Action<Utf8JsonWriter> write) =>
        new PipeResult(gate, ContentType, pipe =>
        {
            using var writer = new Utf8JsonWriter(pipe, WriterOptions);
            write(writer);
        });

    /// <summary>Any body written into the response pipe under the read lock, flushed after the lock is released.</summary>
    public static IResult Piped(ReaderWriterLockSlim gate, string contentType, Action<System.IO.Pipelines.PipeWriter> write) =>
        new PipeResult(gate, contentType, write);

    private sealed class PipeResult(ReaderWriterLockSlim gate, string contentType, Action<System.IO.Pipelines.PipeWriter> write) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status200OK;
            httpContext.Response.ContentType = contentType;
            var pipe = httpContext.Response.BodyWriter;
            gate.EnterReadLock();
            try
            {
                write(pipe);
            }
            finally
            {
                gate.ExitReadLock();
            }
            await pipe.FlushAsync(httpContext.RequestAborted);
        }
    }

    private sealed class BytesResult(ReadOnlyMemory<byte> body, string contentType, int status) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = status;
            httpContext.Response.ContentType = contentType;
            httpContext.Response.ContentLength = body.Length;
            await httpContext.Response.Body.WriteAsync(body, httpContext.RequestAborted);
        }
    }
}
