namespace CrmSync.Salesforce.Tests.TestSupport;

/// <summary>
/// Response bodies written after Salesforce's documentation examples (the page is cited above each one),
/// with ids and values kept in the documented shapes: <c>+0000</c> datetimes, doubles such as <c>1.39E8</c>,
/// <c>attributes</c> first, nulls present.
/// </summary>
public static class DocExamples
{
    /// <summary>
    /// OAuth token endpoint success (username-password / JWT / client credentials / refresh token flows):
    /// https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_username_password_flow.htm
    /// No expires_in: the session lasts until Salesforce answers 401 INVALID_SESSION_ID.
    /// </summary>
    public static string TokenResponse(string token, string instanceUrl) => $$"""
        {"access_token":"{{token}}",
         "instance_url":"{{instanceUrl}}",
         "id":"https://login.salesforce.com/id/00Dx0000000BV7z/005x00000012Q9P",
         "token_type":"Bearer",
         "issued_at":"1278448832702",
         "signature":"0CmxinZir53Yex7nE0TD+zMpvIWYGb/bdJh6XfOH6EQ="}
        """;

    /// <summary>OAuth error shape: https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_flow_errors.htm</summary>
    public const string OAuthInvalidGrant = """{"error":"invalid_grant","error_description":"authentication failure"}""";

    /// <summary>REST error shape, status codes and error responses: https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/errorcodes.htm</summary>
    public const string SessionExpired = """[{"message":"Session expired or invalid","errorCode":"INVALID_SESSION_ID"}]""";

    public const string MalformedQuery = """[{"message":"\nSELECT Nme FROM Account\n       ^\nERROR at Row:1:Column:8\nNo such column 'Nme' on entity 'Account'.","errorCode":"INVALID_FIELD"}]""";

    public const string RequestLimitExceeded = """[{"message":"TotalRequests Limit exceeded.","errorCode":"REQUEST_LIMIT_EXCEEDED"}]""";

    public const string UnableToLockRow = """[{"message":"unable to obtain exclusive access to this record or 1 records: 001D000000IRFmaIAH","errorCode":"UNABLE_TO_LOCK_ROW","fields":[]}]""";

    /// <summary>Versions: https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_versions.htm</summary>
    public const string Versions = """
        [{"label":"Summer '24","url":"/services/data/v61.0","version":"61.0"},
         {"label":"Winter '25","url":"/services/data/v62.0","version":"62.0"}]
        """;

    /// <summary>Limits: https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_limits.htm</summary>
    public const string Limits = """
        {"ConcurrentAsyncGetReportInstances":{"Max":200,"Remaining":200},
         "DailyApiRequests":{"Max":15000,"Remaining":14998,"Ant Migration Tool":{"Max":0,"Remaining":0},"CrmSync":{"Max":0,"Remaining":0}},
         "DailyBulkV2QueryJobs":{"Max":10000,"Remaining":9998},
         "DataStorageMB":{"Max":5,"Remaining":5}}
        """;

    /// <summary>Describe global: https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_describeGlobal.htm</summary>
    public const string DescribeGlobal = """
        {"encoding":"UTF-8","maxBatchSize":200,"sobjects":[
          {"activateable":false,"createable":true,"custom":false,"customSetting":false,"deletable":true,"deprecatedAndHidden":false,
           "feedEnabled":true,"keyPrefix":"001","label":"Account","labelPlural":"Accounts","layoutable":true,"mergeable":true,
           "mruEnabled":true,"name":"Account","queryable":true,"replicateable":true,"retrieveable":true,"searchable":true,
           "triggerable":true,"undeletable":true,"updateable":true,
           "urls":{"sobject":"/services/data/v62.0/sobjects/Account","describe":"/services/data/v62.0/sobjects/Account/describe","rowTemplate":"/services/data/v62.0/sobjects/Account/{ID}"}}]}
        """;

    /// <summary>sObject describe: https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_sobject_describe.htm</summary>
    public const string AccountDescribe = """
        {"name":"Account","label":"Account","keyPrefix":"001","custom":false,"queryable":true,"createable":true,"updateable":true,
         "fields":[
          {"aggregatable":true,"autoNumber":false,"byteLength":18,"calculated":false,"createable":false,"custom":false,"digits":0,
           "externalId":false,"filterable":true,"idLookup":true,"label":"Account ID","length":18,"name":"Id","nillable":false,
           "picklistValues":[],"precision":0,"referenceTo":[],"relationshipName":null,"scale":0,"soapType":"tns:ID","type":"id","unique":false,"updateable":false},
          {"calculated":false,"createable":true,"custom":false,"digits":0,"externalId":false,"filterable":true,"label":"Industry",
           "length":255,"name":"Industry","nillable":true,"precision":0,"referenceTo":[],"relationshipName":null,"scale":0,
           "soapType":"xsd:string","type":"picklist","unique":false,"updateable":true,
           "picklistValues":[{"active":true,"defaultValue":false,"label":"Agriculture","validFor":null,"value":"Agriculture"},
                             {"active":true,"defaultValue":false,"label":"Banking","validFor":null,"value":"Banking"}]},
          {"calculated":false,"createable":true,"custom":true,"digits":0,"externalId":false,"filterable":true,"label":"CLV (predicted)",
           "length":0,"name":"CrmSync_CLV_Predicted__c","nillable":true,"picklistValues":[],"precision":16,"referenceTo":[],
           "relationshipName":null,"scale":2,"soapType":"xsd:double","type":"currency","unique":false,"updateable":true}]}
        """;

    /// <summary>
    /// Query, first page (https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_query.htm):
    /// done false and a nextRecordsUrl; a parent object that is null, a child subquery that is null, 1.39E8, +0000.
    /// </summary>
    public const string OpportunityPage1 = """
        {"totalSize":3,"done":false,"nextRecordsUrl":"/services/data/v62.0/query/01gRO0000016PIAYA2-2",
         "records":[
          {"attributes":{"type":"Opportunity","url":"/services/data/v62.0/sobjects/Opportunity/006RO0000035WQgYAM"},
           "Id":"006RO0000035WQgYAM","Amount":1.39E8,"CloseDate":"2026-03-08","CreatedDate":"2026-03-08T10:15:30.000+0000",
           "IsWon":true,"Account":{"attributes":{"type":"Account","url":"/services/data/v62.0/sobjects/Account/001RO000001"},"Name":"Acme"},
           "OpportunityLineItems":{"totalSize":1,"done":true,"records":[
             {"attributes":{"type":"OpportunityLineItem","url":"/services/data/v62.0/sobjects/OpportunityLineItem/00kRO01"},"Quantity":2.0}]}},
          {"attributes":{"type":"Opportunity","url":"/services/data/v62.0/sobjects/Opportunity/006RO0000035WQhYAM"},
           "Id":"006RO0000035WQhYAM","Amount":null,"CloseDate":"2026-01-31","CreatedDate":"2025-12-01T23:59:59.000+0000",
           "IsWon":false,"Account":null,"OpportunityLineItems":null}]}
        """;

    /// <summary>Query more results, last page: done true and no nextRecordsUrl key at all.</summary>
    public const string OpportunityPage2 = """
        {"totalSize":3,"done":true,
         "records":[
          {"attributes":{"type":"Opportunity","url":"/services/data/v62.0/sobjects/Opportunity/006RO0000035WQiYAM"},
           "Id":"006RO0000035WQiYAM","Amount":1500.0,"CloseDate":"2026-02-14","CreatedDate":"2026-02-01T08:00:00.000+0000",
           "IsWon":true,"Account":null,"OpportunityLineItems":null}]}
        """;

    /// <summary>Create: https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/dome_sobject_create.htm</summary>
    public const string CreateResult = """{"id":"001D000000IqhSLIAZ","errors":[],"success":true}""";

    /// <summary>Upsert creating a record (201): https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/dome_upsert.htm</summary>
    public const string UpsertCreated = """{"id":"a0BD000000BWc3LMAT","success":true,"errors":[],"created":true}""";

    /// <summary>Updated: https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/dome_get_updated.htm</summary>
    public const string Updated = """{"ids":["a00D0000008pQR5IAM","a00D0000008pQRGIA2"],"latestDateCovered":"2013-05-08T21:20:00.000+0000"}""";

    /// <summary>Deleted: https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/dome_get_deleted.htm</summary>
    public const string Deleted = """
        {"deletedRecords":[{"id":"a00D0000008pQRAIA2","deletedDate":"2013-05-07T22:07:19.000+0000"}],
         "earliestDateAvailable":"2013-05-03T15:57:00.000+0000","latestDateCovered":"2013-05-08T21:20:00.000+0000"}
        """;

    /// <summary>Composite: https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_composite_composite.htm</summary>
    public const string CompositeResponse = """
        {"compositeResponse":[
          {"body":{"id":"001R00000033I6AIAU","success":true,"errors":[]},"httpHeaders":{"Location":"/services/data/v62.0/sobjects/Account/001R00000033I6AIAU"},"httpStatusCode":201,"referenceId":"refAccount"},
          {"body":[{"errorCode":"PROCESSING_HALTED","message":"The transaction was rolled back since another operation in the same transaction failed."}],"httpHeaders":{},"httpStatusCode":400,"referenceId":"refContact"}]}
        """;

    /// <summary>
    /// sObject Collections with partial failure (HTTP 200, one result per record, in order):
    /// https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_composite_sobjects_collections_update.htm
    /// </summary>
    public const string CollectionPartialFailure = """
        [{"id":"001RM000003oLnnYAE","success":true,"errors":[]},
         {"success":false,"errors":[{"statusCode":"MALFORMED_ID","message":"Account ID: id value of incorrect type: 001xx000003DGb2999","fields":["Id"]}]}]
        """;

    /// <summary>Bulk 2.0 query job info: https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/query_create_job.htm</summary>
    public static string BulkQueryJob(string state, string operation = "query", string? error = null, long processed = 0) => $$"""
        {"id":"750R0000000zlh9IAA","operation":"{{operation}}","object":"Opportunity","createdById":"005R0000000GiwjIAC",
         "createdDate":"2026-03-08T17:38:59.000+0000","systemModstamp":"2026-03-08T17:38:59.000+0000","state":"{{state}}",
         "concurrencyMode":"Parallel","contentType":"CSV","apiVersion":62.0,"jobType":"V2Query","lineEnding":"LF",
         "columnDelimiter":"COMMA","numberRecordsProcessed":{{processed}},"retries":0,"totalProcessingTime":334
         {{(error is null ? "" : $",\"errorMessage\":\"{error}\"")}}}
        """;

    /// <summary>Bulk 2.0 ingest job info: https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/get_job_info.htm</summary>
    public static string BulkIngestJob(string state, long processed = 0, long failed = 0) => $$"""
        {"id":"7505fEXAMPLE4C2AAM","operation":"upsert","object":"Account","createdById":"0055fEXAMPLEtG4AAM",
         "createdDate":"2026-03-08T17:38:59.000+0000","systemModstamp":"2026-03-08T17:39:00.000+0000","state":"{{state}}",
         "externalIdFieldName":"Ext_Id__c","concurrencyMode":"Parallel","contentType":"CSV","apiVersion":62.0,"jobType":"V2Ingest",
         "lineEnding":"LF","columnDelimiter":"COMMA","numberRecordsProcessed":{{processed}},"numberRecordsFailed":{{failed}},
         "retries":0,"totalProcessingTime":886,"apiActiveProcessingTime":813,"apexProcessingTime":0}
        """;
}
